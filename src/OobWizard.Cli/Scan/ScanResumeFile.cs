using System.Text.Json;
using OobWizard.Logs;

namespace OobWizard.Cli.Scan;

/// <summary>
/// `--resume-from FILE`: the JSON Lines of earlier scans (one or several concatenated). Every line that is a whole
/// JSON object with a "target" names a device already checked, which this run skips. A line that is not whole (a run
/// killed while writing it, or two files joined after such a run) is a warning, and its device is checked again; a
/// file in which no line is a record is an error. Memory does not grow with the file: only the devices of
/// <c>wanted</c> (the target list) are kept, and the first <see cref="MaxKeptWarnings"/> warnings.
/// </summary>
public sealed record ScanResumeFile(IReadOnlySet<string> Done, IReadOnlyList<string> Warnings, string? Error)
{
    /// <summary>Longest record read; AMT check records are a few kilobytes.</summary>
    public const int MaxLineLength = 1024 * 1024;

    /// <summary>Warnings kept as text; the rest are counted in <see cref="WarningCount"/>.</summary>
    public const int MaxKeptWarnings = 100;

    /// <summary>Warnings in all (<see cref="Warnings"/> holds the first <see cref="MaxKeptWarnings"/>).</summary>
    public int WarningCount { get; init; }

    /// <summary>Reads the records; <paramref name="wanted"/> (normalized keys, <see cref="ScanTarget.Key"/>), when given, limits <see cref="Done"/> to those devices.</summary>
    public static ScanResumeFile Read(TextReader reader, string source, IReadOnlySet<string>? wanted = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var warnings = new BoundedMessages(MaxKeptWarnings);
        var records = 0;
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
                records++;
                var key = ScanTarget.Normalize(target);
                if (wanted is null || wanted.Contains(key)) done.Add(key);
                continue;
            }

            warnings.Add(ScanText.ResumeLineIncomplete($"{source}:{number}"));
        }

        var error = nonBlank > 0 && records == 0 ? ScanText.ResumeNotJsonLines(source) : null;
        return new ScanResumeFile(done, warnings.Kept, error) { WarningCount = warnings.Count };
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
