using System.Text.RegularExpressions;
using OobWizard.Logs;

namespace OobWizard.Cli.Commands;

/// <summary>
/// When no signature matched: the symptom (a start choice of the tree) to open the wizard at, from the
/// most telling error lines: what they are about first (redirection, revocation, IPv6, a CRL check, no
/// connection at all),
/// else which log they come from (the console's log: the console will not connect; the service point's,
/// the site server's or the client's: provisioning).
/// </summary>
internal static partial class SuggestedSymptom
{
    private static readonly (Regex Pattern, string Symptom)[] ByText =
    [
        (Redirection(), "redirection-fails"),
        (Revoke(), "cannot-revoke"),
        (Ipv6(), "slow-responses"),
        (Crl(), "cannot-update"),
        (NoConnection(), "console-cannot-connect"),
    ];

    [GeneratedRegex(@"redirection|\bIDE-?R\b|\bSOL\b|serial over lan", RegexOptions.IgnoreCase)]
    private static partial Regex Redirection();

    [GeneratedRegex(@"revoke", RegexOptions.IgnoreCase)]
    private static partial Regex Revoke();

    [GeneratedRegex(@"ipv6", RegexOptions.IgnoreCase)]
    private static partial Regex Ipv6();

    [GeneratedRegex(@"0x80072F8F|revocation list|\bCRL\b", RegexOptions.IgnoreCase)]
    private static partial Regex Crl();

    /// <summary>A client that could not talk to AMT at all (a WS-Man tool's "Connection failed", "Unsupported protocol" on 16992).</summary>
    [GeneratedRegex(@"connection failed|(cannot|could not|unable to) connect|unsupported protocol", RegexOptions.IgnoreCase)]
    private static partial Regex NoConnection();

    /// <summary>The symptom id, or null when the lines say nothing about one.</summary>
    public static string? For(IReadOnlyList<RankedLine> lines)
    {
        foreach (var line in lines)
        {
            foreach (var (pattern, symptom) in ByText)
            {
                if (pattern.IsMatch(line.First.Message))
                {
                    return symptom;
                }
            }
        }

        return lines.Select(l => l.Log).FirstOrDefault(l => l is not null) switch
        {
            "oobconsole.log" => "console-cannot-connect",
            "amtopmgr.log" or "amtproxymgr.log" or "oobmgmt.log" => "cannot-provision",
            _ => null,
        };
    }
}
