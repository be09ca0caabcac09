namespace OobWizard.Cli.Scan;

/// <summary>
/// One device's state in a scan, from its check's results; the first that applies, in this order. The JSON Lines
/// spell them in kebab case (<c>not-amt</c>).
/// </summary>
public enum ScanStatus
{
    /// <summary>No AMT WS-Man port answered (amt.reachable <c>closed</c>): off, unplugged, filtered, or not there.</summary>
    Unreachable,

    /// <summary>Something answers, but not AMT (amt.identify <c>not-amt</c>).</summary>
    NotAmt,

    /// <summary>AMT refused the password (amt.auth <c>refused</c>).</summary>
    Refused,

    /// <summary>At least one probe found a problem.</summary>
    Findings,

    /// <summary>No finding, but at least one probe could not run.</summary>
    Errors,

    /// <summary>Nothing found wrong (checks that could not decide may remain).</summary>
    Ok,
}
