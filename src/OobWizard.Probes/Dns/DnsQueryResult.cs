using System.Globalization;
using OobWizard.Probes.Dns.Wire;

namespace OobWizard.Probes.Dns;

/// <summary>
/// One exchange with one server: the answer (or why there is none), which server answered, over
/// which transport and how long it took. Never an exception: timeouts and bad packets are errors here.
/// </summary>
public sealed record DnsQueryResult(
    DnsServerEndpoint Server,
    DnsQuestion Question,
    DnsMessage? Response,
    string? Error,
    string Transport,
    TimeSpan Elapsed)
{
    /// <summary>Datagrams dropped because their id or question did not match ours.</summary>
    public int IgnoredDatagrams { get; init; }

    public bool Answered => Response is not null;

    public DnsResponseCode? ResponseCode => Response?.Header.ResponseCode;

    public bool Authoritative => Response?.Header.Authoritative ?? false;

    public IReadOnlyList<DnsRecord> Answers => Response?.Answers ?? [];

    /// <summary>NOERROR with no record of the asked type for the name (RFC 2308 section 2.2), or NXDOMAIN.</summary>
    public bool NameHasNoData => Response is not null &&
        (ResponseCode == DnsResponseCode.NXDomain ||
         (ResponseCode == DnsResponseCode.NoError && DnsAnswers.Final(this, Question.Type).Count == 0));

    public string ElapsedText => Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>One line for evidence: "127.0.0.3:5353 udp 0.8 ms NOERROR aa, 2 answers".</summary>
    public string Summary =>
        Response is null
            ? $"{Server} {Transport} {ElapsedText}: {Error}"
            : $"{Server} {Transport} {ElapsedText} {RcodeText(Response.Header.ResponseCode)}{(Authoritative ? " aa" : string.Empty)}, {Answers.Count} answer(s)";

    public static string RcodeText(DnsResponseCode code) =>
        Enum.IsDefined(code) ? code.ToString().ToUpperInvariant() : $"RCODE{(int)code}";
}
