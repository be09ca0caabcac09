using System.Text.RegularExpressions;
using OobWizard.Core.Content;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>
/// Reads C# source for the places an evidence row is made (<c>new Evidence(name, value)</c>, <c>new(name, value)</c>,
/// <c>session.Add(name, value)</c>, <c>evidence.Add/Insert(...)</c>) and says which label has no key: a fixed label (a
/// string literal, or a choice of two) whose <see cref="EvidenceLabel.Key"/> English lacks, or a label built from parts
/// (interpolated, a variable) whose statement does not name its key with <c>.Keyed(</c>.
/// </summary>
internal static partial class EvidenceLabelSource
{
    /// <summary>Constructors with a string first that are not evidence rows (ConfigMgr support rules, prefix policies).</summary>
    private static readonly HashSet<string> NotEvidence = new(StringComparer.Ordinal) { "ConfigMgr 2007 SP1", "ConfigMgr 2007 SP2", "glibc default (RFC 3484)" };

    /// <summary>(file name, first argument) of two-argument constructors that make no row, or pass on a label their callers' rows are checked for.</summary>
    private static readonly HashSet<(string File, string Arg)> Passing =
    [
        ("DnsProbeSession.cs", "name"), ("DirectoryProbeSession.cs", "name"), ("DnsProbeSession.cs", "string name"), ("DirectoryProbeSession.cs", "string name"), ("Evidence.cs", "string name"), ("Evidence.cs", "name"), ("DnsServerEndpoint.cs", "address.ToString()"),
    ];

    public static IEnumerable<string> Problems(string file, string source, Func<string, bool> englishHas)
    {
        if (!source.Contains("Evidence", StringComparison.Ordinal)) yield break;
        foreach (Match m in Creation().Matches(source))
        {
            var args = Arguments(source, m.Index + m.Length, out var close);
            if (m.Value.Contains("Insert", StringComparison.Ordinal) && args.Count > 0) args.RemoveAt(0);
            if (args.Count != 2) continue;
            var name = args[0].Trim();
            if (name.StartsWith("new(", StringComparison.Ordinal) || name.StartsWith("new ", StringComparison.Ordinal)) continue;
            var end = source.IndexOf(';', close);
            var statement = end < 0 ? source[m.Index..] : source[m.Index..end];
            var keyed = statement.Contains(".Keyed(", StringComparison.Ordinal);
            var line = source[..m.Index].Count(c => c == '\n') + 1;
            if (FixedLabel().Match(name) is { Success: true } fixedLabel)
            {
                foreach (var lit in fixedLabel.Groups["lit"].Captures.Select(c => Regex.Unescape(c.Value)))
                {
                    if (NotEvidence.Contains(lit) || keyed) continue;
                    if (!englishHas(EvidenceLabel.Key(lit))) yield return $"{file}:{line}: label \"{lit}\" has no {EvidenceLabel.Key(lit)} in en/messages.yaml";
                }
            }
            else if (!keyed && !Passing.Contains((file, name)))
            {
                yield return $"{file}:{line}: label {name} is built from parts but names no key (.Keyed(\"evidence.label....\", args))";
            }
        }
    }

    /// <summary>The top-level arguments of the call whose '(' ends just before <paramref name="start"/>; <paramref name="close"/> is its ')'.</summary>
    private static List<string> Arguments(string source, int start, out int close)
    {
        close = source.Length;
        var args = new List<string>();
        var depth = 0;
        var from = start;
        for (var i = start; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '"')
            {
                // Skip a string literal (interpolation holes hold no quotes we need to see through at this depth).
                var verbatim = i > 0 && source[i - 1] == '@';
                for (i++; i < source.Length; i++)
                {
                    if (!verbatim && source[i] == '\\') { i++; continue; }
                    if (source[i] == '"')
                    {
                        if (verbatim && i + 1 < source.Length && source[i + 1] == '"') { i++; continue; }
                        break;
                    }

                    if (source[i] == '{' && i + 1 < source.Length && source[i + 1] != '{') i = SkipHole(source, i);
                }

                continue;
            }

            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    if (i > from || args.Count > 0) args.Add(source[from..i]);
                    close = i;
                    return args;
                }

                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                args.Add(source[from..i]);
                from = i + 1;
            }
        }

        return args;
    }

    // An interpolation hole "{...}" inside a string: skipped as a whole (it may hold quotes of its own).
    private static int SkipHole(string source, int i)
    {
        var depth = 0;
        for (; i < source.Length; i++)
        {
            if (source[i] == '"')
            {
                for (i++; i < source.Length && source[i] != '"'; i++) if (source[i] == '\\') i++;
                continue;
            }

            if (source[i] == '{') depth++;
            else if (source[i] == '}' && --depth == 0) return i;
        }

        return i;
    }

    [GeneratedRegex(@"(?:\bnew Evidence|\bEvidence\.Ours|(?<![\w.])new|(?<![\w.])Add|\b(?:evidence|rows|session|Evidence|_evidence)\.(?:Add|Insert))\(")]
    private static partial Regex Creation();

    /// <summary>"label", or cond ? "a" : "b".</summary>
    [GeneratedRegex(@"^(?:""(?<lit>(?:[^""\\]|\\.)*)""|[^""$]+\?\s*""(?<lit>(?:[^""\\]|\\.)*)""\s*:\s*""(?<lit>(?:[^""\\]|\\.)*)"")$")]
    private static partial Regex FixedLabel();
}
