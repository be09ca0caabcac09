using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OobWizard.Lab;

/// <summary>
/// Turns a <see cref="LabDeviceModel"/> into the CIM instances a device serves, with the property names and value
/// shapes of the recorded responses in ../shared/fixtures/amt (go-wsman-messages, rps).
/// </summary>
public static class LabInstanceCatalog
{
    private static readonly string[] DefaultHashNames =
    [
        "VeriSign Class 3 Primary CA-G1", "VeriSign Class 3 Primary CA-G3", "Go Daddy Class 2 CA",
        "Comodo AAA CA", "Starfield Class 2 CA", "VeriSign Class 3 Primary CA-G5", "GTE CyberTrust Global Root",
        "Baltimore CyberTrust Root", "Entrust.net CA (2048)", "Entrust Root CA",
    ];

    public static IReadOnlyDictionary<string, IReadOnlyList<LabInstance>> Build(LabDeviceModel model, string realm, X509Certificate2 provisioningRoot)
    {
        var result = new Dictionary<string, IReadOnlyList<LabInstance>>(StringComparer.Ordinal);
        void Add(string cls, params IReadOnlyList<KeyValuePair<string, string>>[] instances) =>
            result[cls] = instances.Select(p => new LabInstance(cls, p)).ToList();

        Add("AMT_GeneralSettings", Props(
            ("AMTNetworkEnabled", "1"),
            ("DDNSUpdateByDHCPServerEnabled", "true"),
            ("DDNSUpdateEnabled", "false"),
            ("DigestRealm", realm),
            ("DomainName", model.DomainName),
            ("ElementName", "Intel(r) AMT: General Settings"),
            ("HostName", model.HostName),
            ("HostOSFQDN", model.HostOsFqdn ?? model.Fqdn),
            ("InstanceID", "Intel(r) AMT: General Settings"),
            ("NetworkInterfaceEnabled", "true"),
            ("PingResponseEnabled", Bool(model.PingResponseEnabled)),
            ("PowerSource", "0"),
            ("PreferredAddressFamily", "0"),
            ("PrivacyLevel", "0"),
            ("RmcpPingResponseEnabled", Bool(model.RmcpPingResponseEnabled)),
            ("SharedFQDN", "true"),
            ("WsmanOnlyMode", "false")));

        Add("AMT_SetupAndConfigurationService", Props(
            ("CreationClassName", "AMT_SetupAndConfigurationService"),
            ("ElementName", "Intel(r) AMT Setup and Configuration Service"),
            ("EnabledState", "5"),
            ("Name", "Intel(r) AMT Setup and Configuration Service"),
            ("PasswordModel", "1"),
            ("ProvisioningMode", Int(model.ProvisioningMode)),
            ("ProvisioningState", Int(model.ProvisioningState)),
            ("SystemCreationClassName", "CIM_ComputerSystem"),
            ("SystemName", "Intel(r) AMT"),
            ("ZeroTouchConfigurationEnabled", "true")));

        if (model.CurrentControlMode is { } mode)
        {
            Add("IPS_HostBasedSetupService", Props(
                ("AllowedControlModes", "2"),
                ("AllowedControlModes", "1"),
                ("CurrentControlMode", Int(mode)),
                ("ElementName", "Intel(r) AMT Host Based Setup Service")));
        }

        Add("AMT_RedirectionService", Props(
            ("CreationClassName", "AMT_RedirectionService"),
            ("ElementName", "Intel(r) AMT Redirection Service"),
            ("EnabledState", Int(model.RedirectionEnabledState)),
            ("ListenerEnabled", Bool(model.RedirectionListenerEnabled)),
            ("Name", "Intel(r) AMT Redirection Service"),
            ("SystemCreationClassName", "CIM_ComputerSystem"),
            ("SystemName", "Intel(r) AMT")));

        var power = Props(
            ("AvailableRequestedPowerStates", "10"), ("AvailableRequestedPowerStates", "8"),
            ("AvailableRequestedPowerStates", "5"), ("AvailableRequestedPowerStates", "11"),
            ("AvailableRequestedPowerStates", "4"), ("AvailableRequestedPowerStates", "7"),
            ("PowerState", Int(model.PowerState)));
        Add("CIM_AssociatedPowerManagementService", power);
        Add("CIM_ServiceAvailableToElement", power);

        var version = model.FirmwareVersion;
        var shortVersion = string.Join('.', version.Split('.').Take(3));
        var build = version.Split('.').Skip(3).FirstOrDefault() ?? "0";
        Add("CIM_SoftwareIdentity",
            Software("Flash", shortVersion), Software("Netstack", shortVersion), Software("AMTApps", shortVersion),
            Software("AMT", shortVersion), Software("Sku", "16392"), Software("VendorID", "8086"),
            Software("Build Number", build), Software("Recovery Version", shortVersion),
            Software("Recovery Build Num", build), Software("Legacy Mode", "False"));

        Add("AMT_EthernetPortSettings", model.NetworkPorts.Select(Port).ToArray());

        var hashes = new List<IReadOnlyList<KeyValuePair<string, string>>>();
        for (var i = 0; i < model.DefaultHashCount; i++)
        {
            // Stand-ins for the factory list: names as in MEBx, hash bytes derived from the name (not the real thumbprints).
            var name = DefaultHashNames[i % DefaultHashNames.Length];
            hashes.Add(Hash(hashes.Count, name, 1, SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(name)), isDefault: true, enabled: true));
        }

        if (model.ProvisioningRootHashPresent)
        {
            hashes.Add(Hash(hashes.Count, "Contoso Lab Root CA", 2, SHA256.HashData(provisioningRoot.RawData), isDefault: false, enabled: model.ProvisioningRootHashEnabled));
        }

        Add("AMT_ProvisioningCertificateHash", hashes.ToArray());

        Add("AMT_TLSSettingData",
            Props(("AcceptNonSecureConnections", "true"), ("ElementName", "Intel(r) AMT 802.3 TLS Settings"), ("Enabled", "true"),
                ("InstanceID", "Intel(r) AMT 802.3 TLS Settings"), ("MutualAuthentication", "false")),
            Props(("AcceptNonSecureConnections", "true"), ("ElementName", "Intel(r) AMT LMS TLS Settings"), ("Enabled", "false"),
                ("InstanceID", "Intel(r) AMT LMS TLS Settings"), ("MutualAuthentication", "false")));

        return result;
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Software(string id, string value) =>
        Props(("InstanceID", id), ("IsEntity", "true"), ("VersionString", value));

    private static IReadOnlyList<KeyValuePair<string, string>> Port(LabNetworkPort port)
    {
        var props = new List<(string, string)>
        {
            ("DHCPEnabled", Bool(port.Dhcp)),
            ("ElementName", "Intel(r) AMT Ethernet Port Settings"),
            ("InstanceID", $"Intel(r) AMT Ethernet Port Settings {port.Index.ToString(CultureInfo.InvariantCulture)}"),
        };
        if (port.IpAddress is not null) props.Add(("IPAddress", port.IpAddress));
        props.Add(("LinkIsUp", Bool(port.LinkUp)));
        props.Add(("MACAddress", port.MacAddress));
        props.Add(("PhysicalConnectionType", port.Wireless ? "3" : "0"));
        props.Add(("SharedMAC", "true"));
        return Props(props.ToArray());
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Hash(int index, string name, int type, byte[] data, bool isDefault, bool enabled) =>
        Props(
            ("Description", name),
            ("ElementName", name),
            ("Enabled", Bool(enabled)),
            ("HashData", Convert.ToBase64String(data)),
            ("HashType", Int(type)),
            ("InstanceID", $"Intel(r) AMT Certificate Hash {index.ToString(CultureInfo.InvariantCulture)}"),
            ("IsDefault", Bool(isDefault)));

    private static IReadOnlyList<KeyValuePair<string, string>> Props(params (string Name, string Value)[] pairs) =>
        pairs.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)).ToList();

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
