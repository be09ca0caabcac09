using System.Globalization;
using System.Net;
using DnsClient;
using DnsClient.Protocol;

namespace OobWizard.Probes.Dns;

/// <summary>One probe run: the servers to ask (<c>--dns</c> or the system's), the target name, and the evidence rows.</summary>
public sealed class DnsProbeSession
{
    private readonly List<Evidence> _evidence = [];

    public DnsProbeSession(ProbeContext context, DnsProbeOptions options)
    {
        Context = context ?? throw new ArgumentNullException(nameof(context));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        var servers = new List<DnsServerEndpoint>();
        foreach (var text in context.DnsServers)
        {
            if (DnsServerEndpoint.TryParse(text, out var endpoint))
            {
                servers.Add(endpoint!);
            }
            else
            {
                Add("--dns", $"'{text}' is not SERVER[:PORT]; ignored");
            }
        }

        if (context.DnsServers.Count == 0)
        {
            servers.AddRange(options.SystemServers());
            Add("servers", servers.Count == 0 ? "none configured on this system" : "the system's: " + string.Join(", ", servers));
        }
        else
        {
            Add("servers", string.Join(", ", servers));
        }

        Servers = servers.Distinct().ToList();
        if (Servers.Count == 0)
        {
            ServerLine = context.DnsServers.Count == 0
                ? ProbeLine.Of("probe.dns.no-system-server", "no DNS server configured on this system; name one with --dns SERVER[:PORT]")
                : ProbeLine.Of("probe.dns.no-usable-server", "no usable --dns SERVER[:PORT]");
        }
    }

    public ProbeContext Context { get; }

    public DnsProbeOptions Options { get; }

    public IReadOnlyList<DnsServerEndpoint> Servers { get; }

    public string? ServerProblem => ServerLine?.Text;

    /// <summary><see cref="ServerProblem"/> with its message key.</summary>
    public ProbeLine? ServerLine { get; }

    /// <summary>A snapshot of the rows so far (queries run in parallel add to it).</summary>
    public IReadOnlyList<Evidence> Evidence
    {
        get
        {
            lock (_evidence)
            {
                return _evidence.ToList();
            }
        }
    }

    public void Add(string name, string value) => Add(new Evidence(name, value));

    /// <summary>Adds <paramref name="row"/> (a row whose label is built from parts and so names its key).</summary>
    public void Add(Evidence row)
    {
        lock (_evidence)
        {
            _evidence.Add(row);
        }
    }

    /// <summary>
    /// The AMT device's FQDN from <c>--target</c>: trailing dot dropped; a single label gets
    /// <c>--domain</c> appended. Null (with the reason) when the target is missing or an address.
    /// </summary>
    public string? TargetName(out ProbeLine reason)
    {
        reason = ProbeLine.Of("probe.dns.no-target", "");
        var target = Context.Target?.Trim();
        if (string.IsNullOrEmpty(target))
        {
            reason = ProbeLine.Of("probe.dns.no-target", "no --target FQDN given");
            return null;
        }

        if (IPAddress.TryParse(target.Trim('[', ']'), out _))
        {
            if (string.IsNullOrWhiteSpace(Context.Fqdn))
            {
                reason = ProbeLine.Of("probe.dns.target-is-address", $"--target {target} is an address, not a name", target);
                return null;
            }

            target = Context.Fqdn.Trim();
        }

        var name = DnsName.Normalize(target);
        if (!name.Contains('.', StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(Context.Domain))
        {
            name = $"{name}.{DnsName.Normalize(Context.Domain.Trim())}";
        }

        return name;
    }

    /// <summary>Asks every server in parallel and records one evidence row per exchange.</summary>
    public async Task<IReadOnlyList<DnsQueryResult>> AskAllAsync(string name, QueryType type, CancellationToken cancellationToken) =>
        await AskAsync(Servers, name, type, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Asks each of <paramref name="servers"/> in parallel and records one evidence row per exchange.
    /// <paramref name="recursion"/> false asks an authoritative server for its own data only (RD clear).
    /// </summary>
    public async Task<IReadOnlyList<DnsQueryResult>> AskAsync(IEnumerable<DnsServerEndpoint> servers, string name, QueryType type, CancellationToken cancellationToken, bool recursion = true)
    {
        var tasks = servers.Select(s => Options.Client.QueryAsync(s, name, type, recursion, cancellationToken)).ToList();
        var results = await Task.WhenAll(tasks).ConfigureAwait(false);
        foreach (var r in results)
        {
            Record(r);
        }

        return results;
    }

    /// <summary>
    /// Evidence row: "127.0.0.3:5353 A pc01.fabrikam.test" = "NOERROR aa, udp, 0.4 ms: A 127.0.0.10 (TTL 300)",
    /// followed by what came back and was not believed ("Not believed: over UDP a message with id ...").
    /// </summary>
    public void Record(DnsQueryResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var key = $"{r.Server} {r.QuestionText}";
        var notBelieved = r.NotBelieved.Count == 0 ? string.Empty : $". Not believed: {string.Join("; ", r.NotBelieved)}";
        if (r.Response is null)
        {
            Add(new Evidence(key, $"no answer ({r.Transport}, {r.ElapsedText}): {r.Error}{notBelieved}").Keyed("evidence.label.dns-query", key));
            return;
        }

        var head = $"{DnsRecordText.Rcode(r.Response.Header.ResponseCode)}{(r.Authoritative ? " aa" : string.Empty)}, {r.Transport}, {r.ElapsedText}";
        var records = r.Answers.Count == 0
            ? "no records"
            : string.Join("; ", r.Answers.Select(a => $"{(DnsName.Equal(DnsRecordText.Name(a), r.Name) ? string.Empty : DnsRecordText.Name(a) + " ")}{DnsRecordText.Type(a.RecordType)} {DnsRecordText.Data(a)} (TTL {DnsRecordText.Ttl(a).ToString(CultureInfo.InvariantCulture)})"));
        Add(new Evidence(key, $"{head}: {records}{notBelieved}").Keyed("evidence.label.dns-query", key));
    }

    /// <summary>The servers that sent any answer, in session order: later steps skip the silent ones.</summary>
    public static IReadOnlyList<DnsServerEndpoint> Responsive(IEnumerable<DnsQueryResult> results) =>
        results.Where(r => r.Response is not null).Select(r => r.Server).Distinct().ToList();

    /// <summary>An answer we can use: NOERROR or NXDOMAIN (anything else says nothing about the name).</summary>
    public static bool IsUsable(DnsQueryResult r) =>
        r.Response is not null && r.ResponseCode is DnsHeaderResponseCode.NoError or DnsHeaderResponseCode.NotExistentDomain;

    /// <summary>The final addresses of an A or AAAA answer after its CNAME chain.</summary>
    public static IReadOnlyList<IPAddress> Addresses(DnsQueryResult r) =>
        DnsAnswers.Final(r, r.Type).OfType<AddressRecord>().Select(a => a.Address).ToList();
}
