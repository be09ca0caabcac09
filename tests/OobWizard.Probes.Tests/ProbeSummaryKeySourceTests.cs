using Xunit;
using System.Text.RegularExpressions;

namespace OobWizard.Probes.Tests;

/// <summary>
/// A source-level guard: every probe result made in src/OobWizard.Probes says which message key its summary has
/// (<c>.Keyed(...)</c>, a <see cref="ProbeLine"/>, or the key of the result it passes on), so a new probe or outcome
/// without one fails here before anyone runs it; the runtime guard (every probe against lab devices and the test
/// servers, with the keys checked in en/de/ja) is ProbeSummaryKeyTests in the CLI's tests.
/// </summary>
public sealed partial class ProbeSummaryKeySourceTests
{
    private static string Source()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OobWizard.sln"))) return Path.Combine(dir.FullName, "src", "OobWizard.Probes");
        }

        throw new InvalidOperationException("OobWizard.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Each factory call or constructor of a result, up to the end of its statement (or switch arm).</summary>
    public static IEnumerable<(string File, int Line, string Statement)> Results(string path)
    {
        var text = File.ReadAllText(path);
        foreach (Match m in Made().Matches(text))
        {
            var depth = 0;
            var i = m.Index;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (c is '(' or '[' or '{') depth++;
                else if (c is ')' or ']' or '}')
                {
                    if (depth == 0) break;
                    depth--;
                }
                else if (depth == 0 && (c == ';' || c == ',' || (c == ':' && text[i - 1] == ' '))) break;
            }

            // A conditional's first branch ends at " : "; the ".Keyed" may follow on the next line of the same statement.
            var statement = text[m.Index..Math.Min(text.Length, i + 1)];
            var after = text[Math.Min(text.Length, i)..Math.Min(text.Length, i + 400)];
            yield return (Path.GetRelativePath(Source(), path), text[..m.Index].Count(ch => ch == '\n') + 1, statement + (after.TrimStart().StartsWith(".Keyed(", StringComparison.Ordinal) ? after : ""));
        }
    }

    [Fact]
    public void Every_result_a_probe_makes_names_its_message_key()
    {
        var unkeyed = Directory.EnumerateFiles(Source(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("ProbeResult.cs", StringComparison.Ordinal))
            .SelectMany(Results)
            .Where(r => !Keyed().IsMatch(r.Statement))
            .Select(r => $"{r.File}:{r.Line}: {r.Statement.Split('\n')[0].Trim()}")
            .ToList();

        Assert.True(unkeyed.Count == 0, "probe results without a message key (add .Keyed(\"probe....\", args) and the key to content/{en,de,ja}/messages.yaml):\n" + string.Join("\n", unkeyed));
    }

    [Fact]
    public void The_guard_would_catch_a_result_without_a_key()
    {
        var file = Path.Combine(Path.GetTempPath(), $"oobw-guard-{Environment.ProcessId}.cs");
        File.WriteAllText(file, "return ProbeResult.Pass(Id, \"fine\", evidence);\nreturn ProbeResult.Pass(Id, \"fine\", evidence).Keyed(\"probe.x\");\nreturn ProbeResult.Inconclusive(Id, line);\n");
        try
        {
            var results = Results(file).ToList();

            Assert.Equal(3, results.Count);
            Assert.DoesNotMatch(Keyed(), results[0].Statement);
            Assert.Matches(Keyed(), results[1].Statement);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"ProbeResult\.(Pass|Finding|Inconclusive|Error)\(|new ProbeResult\(")]
    private static partial Regex Made();

    // Keyed by a call, by a ProbeLine (a variable named line/stop/failure/unresolved/reason/problem or ProbeLine.Of), or by passing another result's key on.
    [GeneratedRegex(@"\.Keyed\(|ProbeLine\.Of\(|SummaryKey\s*=|\(\s*(Id|probeId)\s*,\s*(line|stop|failure|unresolved|reason|session\.ServerLine|problem)\b|\bstop with\b|\bfailure with\b")]
    private static partial Regex Keyed();
}
