using System.Net;
using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// amt.network: AMT_EthernetPortSettings. Instance "... 0" is the wired port, "... 1" (or PhysicalConnectionType 3)
/// the wireless one. ConfigMgr 2007 SP2 cannot provision or update AMT over wireless, and a name that resolves to the
/// wireless address sends the console there.
/// </summary>
public sealed class AmtNetworkProbe : AmtProbe
{
    public AmtNetworkProbe(AmtProbeOptions options) : base(options)
    {
    }

    public override string Id => "amt.network";

    public override string Description => "Is AMT reached over its wired port, or only over wireless?";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "wireless"];

    protected override async Task<ProbeResult> RunAsync(AmtProbeScope scope, CancellationToken cancellationToken)
    {
        var context = scope.Context;
        using var client = scope.Client();
        IReadOnlyList<WsmanInstance> ports;
        try
        {
            ports = await client.EnumerateAsync("AMT_EthernetPortSettings", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (WsmanException ex)
        {
            return scope.FromException(ex);
        }

        var wired = ports.Where(p => !IsWireless(p)).ToList();
        var wireless = ports.Where(IsWireless).ToList();
        var evidence = new List<Evidence>();
        foreach (var p in ports)
        {
            var kind = IsWireless(p) ? "wireless" : "wired";
            var address = p["IPAddress"] is { Length: > 0 } ip ? ip : p.Bool("DHCPEnabled") == true ? "(DHCP, address not reported)" : "(none)";
            evidence.Add(new Evidence($"{kind} ({p["InstanceID"] ?? "?"})",
                $"link {(p.Bool("LinkIsUp") == true ? "up" : "down")}, DHCP {AmtProbeSupport.OnOff(p.Bool("DHCPEnabled"))}, address {address}, MAC {p["MACAddress"] ?? "?"}").Keyed(IsWireless(p) ? "evidence.label.wireless-port" : "evidence.label.wired-port", p["InstanceID"] ?? "?"));
        }

        var targetAddresses = await ResolveAsync(context.Target!, cancellationToken).ConfigureAwait(false);
        if (targetAddresses.Count > 0)
        {
            evidence.Add(new("target resolves to", string.Join(", ", targetAddresses)));
        }

        var wirelessAddresses = wireless.Select(p => p["IPAddress"]).Where(a => !string.IsNullOrEmpty(a)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (targetAddresses.Any(a => wirelessAddresses.Contains(a.ToString())))
        {
            return ProbeResult.Finding(Id, "wireless", "the target's address is AMT's wireless address", evidence, AmtDiagnoses.Wireless, AmtDiagnoses.WirelessNameResolution).Keyed("probe.amt.network.wireless-address");
        }

        var wiredUp = wired.Any(p => p.Bool("LinkIsUp") == true);
        var wirelessUp = wireless.Any(p => p.Bool("LinkIsUp") == true);
        if (!wiredUp && wirelessUp)
        {
            return ProbeResult.Finding(Id, "wireless", "AMT's wired link is down; only the wireless link is up", evidence, AmtDiagnoses.Wireless, AmtDiagnoses.WirelessNameResolution).Keyed("probe.amt.network.wired-down");
        }

        if (!wiredUp)
        {
            return ProbeResult.Inconclusive(Id, "AMT reports no link up on any port", evidence).Keyed("probe.amt.network.no-link");
        }

        return ProbeResult.Pass(Id, "AMT is on a wired link", evidence).Keyed("probe.amt.network.pass");
    }

    private static bool IsWireless(WsmanInstance port) =>
        port.Long("PhysicalConnectionType") == 3
        || (port.Long("PhysicalConnectionType") is null && (port["InstanceID"]?.TrimEnd().EndsWith(" 1", StringComparison.Ordinal) ?? false));

    private static async Task<IReadOnlyList<IPAddress>> ResolveAsync(string target, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(target, out var ip)) return [ip];
        try
        {
            return await System.Net.Dns.GetHostAddressesAsync(target, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return [];
        }
    }
}
