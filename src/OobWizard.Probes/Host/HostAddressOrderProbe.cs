using System.Net;
using System.Net.Sockets;

namespace OobWizard.Probes.Host;

/// <summary>
/// host.address-order: whether this host tries IPv6 before IPv4 for a dual-stack name (out-of-band
/// management does not use IPv6, so trying it first makes responses slow). Decided by the system
/// resolver's order for the target when it has both families, else by the policy table
/// (gai.conf on Linux, the prefix policies on Windows) and whether the host has routable IPv6 at all.
/// </summary>
public sealed class HostAddressOrderProbe : IProbe
{
    private readonly HostProbeOptions _options;

    public HostAddressOrderProbe(HostProbeOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public string Id => "host.address-order";

    public string Description => "This host does not prefer IPv6 over IPv4 for dual-stack names";

    public IReadOnlyList<string> Verdicts { get; } = ["pass", "ipv6-first"];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var evidence = new List<Evidence>();
        try
        {
            var target = context.Target?.Trim();
            if (!string.IsNullOrEmpty(target) && !IPAddress.TryParse(target.Trim('[', ']'), out _))
            {
                var resolved = await _options.SystemResolver.ResolveAsync(target, cancellationToken).ConfigureAwait(false);
                evidence.Add(new Evidence($"system order for {target}", resolved.Found ? string.Join(", ", resolved.Addresses) : $"not resolved ({resolved.Error})").Keyed("evidence.label.system-order-for", target));
                var hasV4 = resolved.Addresses.Any(a => a.AddressFamily == AddressFamily.InterNetwork);
                var hasV6 = resolved.Addresses.Any(a => a.AddressFamily == AddressFamily.InterNetworkV6 && !a.IsIPv4MappedToIPv6);
                if (hasV4 && hasV6)
                {
                    return resolved.Addresses[0].AddressFamily == AddressFamily.InterNetworkV6
                        ? ProbeResult.Finding(Id, "ipv6-first", $"{target} has IPv4 and IPv6 addresses and this host tries {resolved.Addresses[0]} (IPv6) first", evidence, "console.ipv6-slow").Keyed("probe.host.address-order.target-ipv6-first", target, resolved.Addresses[0])
                        : ProbeResult.Pass(Id, $"{target} has IPv4 and IPv6 addresses and this host tries {resolved.Addresses[0]} (IPv4) first", evidence).Keyed("probe.host.address-order.target-ipv4-first", target, resolved.Addresses[0]);
                }
            }

            var policy = _options.IsWindows
                ? PrefixPolicy.FromNetsh(await _options.ReadWindowsPrefixPolicies(cancellationToken).ConfigureAwait(false))
                : PrefixPolicy.FromGaiConf(_options.ReadGaiConf());
            if (policy is null)
            {
                return ProbeResult.Inconclusive(Id, "could not read the prefix policy table (netsh interface ipv6 show prefixpolicies)", evidence).Keyed("probe.host.address-order.no-policy");
            }

            evidence.Add(new Evidence("policy", $"{policy.Source}: IPv6 precedence {policy.Ipv6Precedence?.ToString() ?? "none"}, IPv4 (::ffff:0:0/96) precedence {policy.Ipv4Precedence?.ToString() ?? "none"}"));
            var routable = _options.HasRoutableIpv6();
            evidence.Add(Evidence.Ours("routable IPv6 address on this host", routable ? "yes" : "no"));
            if (!policy.PrefersIpv6)
            {
                return ProbeResult.Pass(Id, $"the policy table ({policy.Source}) puts IPv4 before IPv6", evidence).Keyed("probe.host.address-order.pass", policy.Source);
            }

            if (!routable)
            {
                return ProbeResult.Pass(Id, "the policy prefers IPv6, but this host has no routable IPv6 address, so IPv4 is used", evidence).Keyed("probe.host.address-order.pass-no-ipv6");
            }

            return ProbeResult.Finding(Id, "ipv6-first",
                $"this host prefers IPv6 ({policy.Source}: precedence {policy.Ipv6Precedence} over {policy.Ipv4Precedence} for IPv4) and has a routable IPv6 address",
                evidence, "console.ipv6-slow").Keyed("probe.host.address-order.ipv6-first", policy.Source, policy.Ipv6Precedence, policy.Ipv4Precedence);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ProbeResult.Error(Id, $"{Id} failed: {ex.GetType().Name}: {ex.Message}", evidence).Keyed("probe.failed", Id, ex.GetType().Name, ex.Message);
        }
    }
}
