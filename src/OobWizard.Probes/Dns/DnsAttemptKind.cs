namespace OobWizard.Probes.Dns;

/// <summary>How one DnsClient query over one transport ended, as <see cref="DnsClientAdapter"/> sorts it.</summary>
internal enum DnsAttemptKind
{
    /// <summary>DnsClient returned a response (its question is not checked yet).</summary>
    Answer,

    /// <summary>Nothing came back within the timeout (a closed UDP port looks the same).</summary>
    Silence,

    /// <summary>The first message back had another id: DnsClient's <c>DnsXidMismatchException</c>.</summary>
    Stray,

    /// <summary>A UDP answer with TC set, or one of at most 512 bytes DnsClient could not read (it takes both for truncation).</summary>
    Truncated,

    /// <summary>An answer DnsClient could not read.</summary>
    Unreadable,

    /// <summary>Anything else: a socket error, a refused TCP connection.</summary>
    Failed,
}
