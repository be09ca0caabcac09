using System.Text;
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

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("target", Target);
            w.WriteString("user", User);
            w.WriteNumber("elapsedMs", Math.Round(Elapsed.TotalMilliseconds, 1));
            w.WriteNumber("exitCode", ExitCode);
            w.WriteStartObject("summary");
            foreach (var outcome in Enum.GetValues<ProbeOutcome>())
            {
                w.WriteNumber(JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString()), Count(outcome));
            }

            w.WriteEndObject();
            w.WriteStartArray("diagnoses");
            foreach (var d in SuggestedDiagnoses) w.WriteStringValue(d);
            w.WriteEndArray();
            w.WriteStartArray("probes");
            foreach (var entry in Entries)
            {
                var r = entry.Result;
                w.WriteStartObject();
                w.WriteString("id", r.ProbeId);
                w.WriteString("outcome", JsonNamingPolicy.CamelCase.ConvertName(r.Outcome.ToString()));
                w.WriteString("verdict", r.Verdict);
                w.WriteString("summary", r.Summary);
                w.WriteNumber("elapsedMs", Math.Round(entry.Elapsed.TotalMilliseconds, 1));
                w.WriteStartArray("evidence");
                foreach (var e in r.Evidence)
                {
                    w.WriteStartObject();
                    w.WriteString("name", e.Name);
                    w.WriteString("value", e.Value);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("diagnoses");
                foreach (var d in r.SuggestedDiagnoses) w.WriteStringValue(d);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
