using System.Text;
using OobWizard.Logs;

namespace OobWizard.Cli.Scan;

/// <summary>
/// Reads `scan --targets`: one host per line, or CSV lines <c>HOST[,FQDN[,NOTES]]</c> (RFC 4180 quotes; <c>;</c> instead
/// of <c>,</c> when the first line uses it, as spreadsheets in many locales write). A first line whose first field is
/// <c>host</c> is a header. Blank lines and lines starting with <c>#</c> are skipped. Each bad line is one error
/// naming <c>FILE:LINE</c>; a host listed twice is checked once, with a warning naming both lines.
/// </summary>
public sealed record ScanTargetList(IReadOnlyList<ScanTarget> Targets, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    /// <summary>Longest line read; a longer one is an error, not a silent cut.</summary>
    public const int MaxLineLength = 4096;

    /// <summary>Errors and warnings kept as text (the first ones, in list order); the rest are only counted, so a file of bad lines costs no memory.</summary>
    public const int MaxKeptMessages = 100;

    /// <summary>Bad lines in all (<see cref="Errors"/> holds the first <see cref="MaxKeptMessages"/>).</summary>
    public int ErrorCount { get; init; }

    /// <summary>Warnings in all (<see cref="Warnings"/> holds the first <see cref="MaxKeptMessages"/>).</summary>
    public int WarningCount { get; init; }

    /// <summary>The list: targets in list order, errors and warnings as whole lines (<c>FILE:LINE: ...</c>).</summary>
    public static ScanTargetList Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var targets = new List<ScanTarget>();
        var errors = new BoundedMessages(MaxKeptMessages);
        var warnings = new BoundedMessages(MaxKeptMessages);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = new BoundedLineReader(reader, MaxLineLength);
        char? separator = null;
        var lineNumber = 0;
        var firstData = true;
        while (lines.ReadLine(out var truncated) is { } raw)
        {
            lineNumber++;
            var line = lineNumber == 1 ? raw.TrimStart('\uFEFF') : raw;
            var where = $"{source}:{lineNumber}";
            if (truncated)
            {
                errors.Add(ScanText.LineTooLong(where, MaxLineLength));
                continue;
            }

            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            separator ??= trimmed.Contains(';', StringComparison.Ordinal) && !trimmed.Contains(',', StringComparison.Ordinal) ? ';' : ',';
            if (!TrySplit(trimmed, separator.Value, out var fields))
            {
                errors.Add(ScanText.UnclosedQuote(where));
                continue;
            }

            var header = firstData && string.Equals(fields[0], "host", StringComparison.OrdinalIgnoreCase);
            firstData = false;
            if (header) continue;

            if (fields.Count > 3)
            {
                errors.Add(ScanText.TooManyFields(where, fields.Count, separator.Value));
                continue;
            }

            var host = fields[0];
            if (!TargetSpec.TryParse(host, out var spec, out var hostError, "host"))
            {
                errors.Add($"{where}: {hostError}");
                continue;
            }

            var fqdn = fields.Count > 1 && fields[1].Length > 0 ? fields[1].TrimEnd('.') : null;
            if (fqdn is not null && (!TargetSpec.IsHostName(fqdn) || !fqdn.Contains('.', StringComparison.Ordinal) || System.Net.IPAddress.TryParse(fqdn, out _)))
            {
                errors.Add(ScanText.BadFqdn(where, fields[1]));
                continue;
            }

            var notes = fields.Count > 2 && fields[2].Length > 0 ? fields[2] : null;
            var target = new ScanTarget(host, spec!, fqdn, notes, lineNumber);
            if (firstLine.TryGetValue(target.Key, out var earlier))
            {
                warnings.Add(ScanText.Duplicate(where, host, earlier));
                continue;
            }

            firstLine[target.Key] = lineNumber;
            targets.Add(target);
        }

        return new ScanTargetList(targets, errors.Kept, warnings.Kept) { ErrorCount = errors.Count, WarningCount = warnings.Count };
    }

    /// <summary>RFC 4180 fields: quoted fields may hold the separator and doubled quotes; fields are trimmed.</summary>
    private static bool TrySplit(string line, char separator, out List<string> fields)
    {
        fields = [];
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.ToString().Trim().Length == 0 && !wasQuoted)
            {
                field.Clear();
                quoted = true;
                wasQuoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
                wasQuoted = false;
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString().Trim());
        return !quoted;
    }
}
