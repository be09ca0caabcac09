using System.Text.Json;
using OobWizard.Logs;

namespace OobWizard.Cli.Scan;

/// <summary>
/// `--resume-from FILE`: the JSON Lines of earlier scans (one or several concatenated). Every line that is a whole
/// JSON object with a "target" names a device already checked, which this run skips. A line that is not whole (a run
/// killed while writing it, or two files joined after such a run) is a warning, and its device is checked again; a
/// file in which no line is a record is an error.
/// </summary>
public sealed record ScanResumeFile(IReadOnlySet<string> Done, IReadOnlyList<string> Warnings, string? Error)
{
    /// <summary>Longest record read; AMT check records are a few kilobytes.</summary>
    public const int MaxLineLength = 1024 * 1024;

    public static ScanResumeFile Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var warnings = new List<string>();
        var lines = new BoundedLineReader(reader, MaxLineLength);
        var number = 0;
        var nonBlank = 0;
        while (lines.ReadLine(out var truncated) is { } line)
        {
            number++;
            if (line.Trim().Length == 0) continue;
            nonBlank++;
            if (!truncated && TargetOf(line) is { } target)
            {
                done.Add(ScanTarget.Normalize(target));
                continue;
            }

            warnings.Add(ScanText.ResumeLineIncomplete($"{source}:{number}"));
        }

        var error = nonBlank > 0 && done.Count == 0 ? ScanText.ResumeNotJsonLines(source) : null;
        return new ScanResumeFile(done, warnings, error);
    }

    private static string? TargetOf(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("target", out var t) && t.ValueKind == JsonValueKind.String
                && doc.RootElement.TryGetProperty("probes", out var p) && p.ValueKind == JsonValueKind.Array
                ? t.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
