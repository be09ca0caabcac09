using System.Globalization;
using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// One AMT probe's run: the context, the device's shared state and first contact, and the clients the probe makes
/// (aimed at the port that answered, sharing the run's gate, Digest nonce and refused passwords), so their slow
/// answers can be reported.
/// </summary>
public sealed class AmtProbeScope : IDisposable
{
    private readonly List<WsmanClient> _clients = [];

    internal AmtProbeScope(string probeId, ProbeContext context, AmtProbeOptions options, AmtDevice device, AmtContact contact, TlsEvaluation? tls)
    {
        ProbeId = probeId;
        Context = context;
        Options = options;
        Device = device;
        Contact = contact;
        Tls = tls;
    }

    public string ProbeId { get; }

    public ProbeContext Context { get; }

    public AmtProbeOptions Options { get; }

    public AmtDevice Device { get; }

    public AmtContact Contact { get; }

    /// <summary>The run's TLS evaluation when WS-Man goes over TLS (the certificate credentials would cross).</summary>
    public TlsEvaluation? Tls { get; }

    /// <summary>A client aimed at the WS-Man port that answered, bounded per request.</summary>
    public WsmanClient Client(TlsEvaluation? judged = null)
    {
        var tls = judged ?? Tls;
        var client = new WsmanClient(new WsmanClientOptions
        {
            Host = Contact.Host,
            Port = Contact.Port,
            UseTls = Contact.UseTls,
            User = Context.User,
            Password = Context.Password,
            Timeout = Context.RequestTimeout,
            Insecure = Context.Insecure,
            CaFile = Context.CaFile,
            Credentials = Context.Run.Credentials,
            Gate = Device.Gate,
            Digest = Device.Digest,
            SharedHttpHandler = Device.HttpConnections,
            // The run judged this very certificate acceptable once (TlsEvaluation): the client holds it to that.
            AcceptedCertificateSha256 = tls is { } t && t.Acceptable(Context) ? t.Certificate?.Sha256Thumbprint : null,
        });
        _clients.Add(client);
        return client;
    }

    /// <summary>"http://host:16992/wsman", plus how the port was chosen when it is not the one asked for.</summary>
    public Evidence Transport => new("connection", (Contact.UseTls
        ? $"https://{Contact.Host}:{Contact.Port.ToString(CultureInfo.InvariantCulture)}/wsman"
        : $"http://{Contact.Host}:{Contact.Port.ToString(CultureInfo.InvariantCulture)}/wsman") + (Contact.PortNote is { } n ? $" ({n})" : ""));

    public ProbeResult FromException(WsmanException exception) => AmtProbeSupport.FromException(ProbeId, Context, exception, this);

    /// <summary>The result with a row for every slow answer this probe met.</summary>
    public ProbeResult WithSlowAnswers(ProbeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var slow = _clients.SelectMany(c => c.SlowAnswers).ToList();
        if (slow.Count == 0) return result;
        var rows = result.Evidence.ToList();
        rows.Add(new Evidence("slow answers", $"{string.Join("; ", slow)} (AMT answers in about 0.25 s on a LAN; after sleep the first answer can take tens of seconds)"));
        return result with { Evidence = rows };
    }

    public void Dispose()
    {
        foreach (var c in _clients) c.Dispose();
        _clients.Clear();
    }
}
