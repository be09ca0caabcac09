using DnsClient;
using DnsClient.Protocol;
using OobWizard.Probes.Dns;
using Xunit;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>
/// The real dnsmasq and bind9 servers that tests/servers/dns-up.sh starts. Addresses come from
/// OOBW_DNSMASQ / OOBW_BIND, else $OOBW_DNS_STATE/servers.env (default /tmp/oobwizard-dns), else the
/// documented defaults 127.0.0.3:5353 and 127.0.0.4:5354. A test that needs a server calls
/// <see cref="RequireAsync"/>: when the server does not answer it is skipped locally and fails under CI=true.
/// </summary>
public static class DnsTestServers
{
    public const string Dnsmasq = "dnsmasq";
    public const string Bind = "bind";

    public const string StartHint = "DNS test servers are not running; start them with: bash tests/servers/dns-up.sh (stop: bash tests/servers/dns-down.sh)";

    private static readonly Lazy<Task<IReadOnlyDictionary<string, string?>>> Reachable = new(ProbeAllAsync);

    public static string Address(string which)
    {
        var env = ReadEnvFile();
        var key = which == Dnsmasq ? "OOBW_DNSMASQ" : "OOBW_BIND";
        return Environment.GetEnvironmentVariable(key) is { Length: > 0 } fromEnv ? fromEnv
            : env.TryGetValue(key, out var fromFile) ? fromFile
            : which == Dnsmasq ? "127.0.0.3:5353" : "127.0.0.4:5354";
    }

    /// <summary>Returns the server's SERVER:PORT, or skips (locally) / fails (CI=true) when it does not answer.</summary>
    public static async Task<string> RequireAsync(string which)
    {
        var problems = await Reachable.Value;
        var problem = problems[which];
        if (problem is not null)
        {
            var message = $"{which} at {Address(which)}: {problem}. {StartHint}";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true and a DNS test server is missing: " + message);
            }

            Skip.If(true, message);
        }

        return Address(which);
    }

    private static async Task<IReadOnlyDictionary<string, string?>> ProbeAllAsync()
    {
        var client = new DnsClientAdapter(TimeSpan.FromSeconds(1), udpAttempts: 2);
        var result = new Dictionary<string, string?>();
        foreach (var which in new[] { Dnsmasq, Bind })
        {
            if (!DnsServerEndpoint.TryParse(Address(which), out var endpoint))
            {
                result[which] = $"'{Address(which)}' is not SERVER:PORT";
                continue;
            }

            var r = await client.QueryAsync(endpoint!, "pc01.fabrikam.test", QueryType.A);
            result[which] = r.Answers.OfType<ARecord>().Any(a => a.Address.ToString() == "127.0.0.10")
                ? null
                : r.Error ?? $"unexpected answer {r.Summary}";
        }

        return result;
    }

    private static Dictionary<string, string> ReadEnvFile()
    {
        var dir = Environment.GetEnvironmentVariable("OOBW_DNS_STATE") is { Length: > 0 } d ? d : "/tmp/oobwizard-dns";
        var file = Path.Combine(dir, "servers.env");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(file))
        {
            return values;
        }

        foreach (var line in File.ReadAllLines(file))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                values[line[..eq].Trim()] = line[(eq + 1)..].Trim();
            }
        }

        return values;
    }
}
