using System.Text.Json;

namespace OobWizard.Probes.Amt;

/// <summary>
/// The outcome of `oobwizard check`: every AMT probe once. Exit code 0 when nothing was found wrong (no finding, no
/// error; a check that could not decide, such as the hash list without --root-ca, says so in its line), 1 otherwise.
/// The JSON form
/// carries verdicts, evidence and diagnosis ids, never the password (it is not part of any result).
/// </summary>
public sealed record AmtCheckReport(string Target, string User, IReadOnlyList<AmtCheckEntry> Entries, TimeSpan Elapsed)
{
    public int ExitCode => Entries.Any(e => e.Result.Outcome is ProbeOutcome.Finding or ProbeOutcome.Error) ? 1 : 0;

    public int Count(ProbeOutcome outcome) => Entries.Count(e => e.Result.Outcome == outcome);

    /// <summary>Diagnosis ids suggested by any probe, in first-seen order.</summary>
    public IReadOnlyList<string> SuggestedDiagnoses => Entries.SelectMany(e => e.Result.SuggestedDiagnoses).Distinct(StringComparer.Ordinal).ToList();

    public string ToJson() => JsonSerializer.Serialize(ToDocument(), AmtCheckJsonContext.Default.AmtCheckDocument);

    /// <summary>The JSON shape of the report (<c>check --json</c>; `scan` writes its fields in each device's line).</summary>
    public AmtCheckDocument ToDocument() =>
        new AmtCheckDocument(
            Target,
            User,
            Math.Round(Elapsed.TotalMilliseconds, 1),
            ExitCode,
            Enum.GetValues<ProbeOutcome>().ToDictionary(o => CamelCase(o), Count),
            SuggestedDiagnoses,
            Entries.Select(e => new AmtCheckProbeDocument(
                e.Result.ProbeId,
                CamelCase(e.Result.Outcome),
                e.Result.Verdict,
                e.Result.Summary,
                Math.Round(e.Elapsed.TotalMilliseconds, 1),
                e.Result.Evidence,
                e.Result.SuggestedDiagnoses)).ToList());

    private static string CamelCase(ProbeOutcome outcome) => JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString());
}
