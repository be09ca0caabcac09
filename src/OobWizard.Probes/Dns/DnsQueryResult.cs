using System.Globalization;
using DnsClient;
using DnsClient.Protocol;

namespace OobWizard.Probes.Dns;

/// <summary>
/// One question to one server as <see cref="DnsClientAdapter"/> asked it: the answer DnsClient read
/// (or why there is none), over which transport ("udp", "tcp", "udp+tcp" after a truncated or
/// unbelievable UDP answer, "none" when nothing was sent), how long it took, and what came back
/// that was not believed. Never an exception: timeouts and bad packets are errors here.
/// </summary>
public sealed record DnsQueryResult(
    DnsServerEndpoint Server,
    string Name,
    QueryType Type,
    IDnsQueryResponse? Response,
    string? Error,
    string Transport,
    TimeSpan Elapsed)
{
    /// <summary>
    /// What came back and was not used, in order: a datagram with another id (stray or spoofed), an
    /// answer to another question, a truncated or unreadable UDP answer. Empty for a plain exchange.
    /// </summary>
    public IReadOnlyList<string> NotBelieved { get; init; } = [];

    public bool Answered => Response is not null;

    public DnsHeaderResponseCode? ResponseCode => Response?.Header.ResponseCode;

    /// <summary>The AA bit (RFC 1035 section 4.1.1): the server answered from its own zone data.</summary>
    public bool Authoritative => Response?.Header.HasAuthorityAnswer ?? false;

    public IReadOnlyList<DnsResourceRecord> Answers => Response?.Answers ?? [];

    public IReadOnlyList<DnsResourceRecord> Authorities => Response?.Authorities ?? [];

    public IReadOnlyList<DnsResourceRecord> Additionals => Response?.Additionals ?? [];

    /// <summary>NOERROR with no record of the asked type for the name (RFC 2308 section 2.2), or NXDOMAIN.</summary>
    public bool NameHasNoData => Response is not null &&
        (ResponseCode == DnsHeaderResponseCode.NotExistentDomain ||
         (ResponseCode == DnsHeaderResponseCode.NoError && DnsAnswers.Final(this, Type).Count == 0));

    public string ElapsedText => Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>"A pc01.fabrikam.test": the question as the evidence names it.</summary>
    public string QuestionText => $"{DnsRecordText.Type(Type)} {Name}";

    /// <summary>One line: "127.0.0.3:5353 udp 0.8 ms NOERROR aa, 2 answer(s)".</summary>
    public string Summary =>
        Response is null
            ? $"{Server} {Transport} {ElapsedText}: {Error}"
            : $"{Server} {Transport} {ElapsedText} {DnsRecordText.Rcode(Response.Header.ResponseCode)}{(Authoritative ? " aa" : string.Empty)}, {Answers.Count} answer(s)";
}
