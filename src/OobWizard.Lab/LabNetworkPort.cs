namespace OobWizard.Lab;

/// <summary>One AMT_EthernetPortSettings instance: index 0 is the wired port, 1 the wireless one (AMT's InstanceID convention).</summary>
public sealed record LabNetworkPort(int Index, bool Wireless, bool LinkUp, bool Dhcp, string? IpAddress, string MacAddress);
