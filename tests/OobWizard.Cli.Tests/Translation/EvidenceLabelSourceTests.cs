using OobWizard.Cli.Tests.Support;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>
/// Every place in src/OobWizard.Probes that makes an evidence row names its label's key: a fixed label has
/// <c>evidence.label.&lt;slug&gt;</c> in en/messages.yaml, a label built from parts says <c>.Keyed(...)</c>. Cheaper and
/// earlier than <see cref="EvidenceLabelKeyTests"/>, which runs the probes; that one holds the rows no lab reaches.
/// </summary>
public sealed class EvidenceLabelSourceTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> English = new(() => EnglishLeak.Read("en"));

    [Fact]
    public void Every_evidence_row_the_probes_make_names_a_label_key()
    {
        var probes = Path.Combine(Repo.Root, "src", "OobWizard.Probes");
        var files = Directory.GetFiles(probes, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
        var problems = files.SelectMany(f => EvidenceLabelSource.Problems(Path.GetFileName(f), File.ReadAllText(f), English.Value.ContainsKey)).ToList();

        Assert.True(files.Count > 20, probes);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_source_guard_finds_a_fixed_label_without_a_key_and_a_built_label_without_keyed()
    {
        const string Source = """
            var evidence = new List<Evidence> { new("connection", url), new("a label nobody wrote a key for", "x") };
            evidence.Add(new($"port {port.ToString(CultureInfo.InvariantCulture)}", "open"));
            evidence.Insert(0, new(ok ? "user" : "another label without a key", "x"));
            session.Add("a session label without a key", value);
            session.Add(new Evidence($"PTR {address}", "none").Keyed("evidence.label.ptr", address));
            evidence.Add(new Evidence(variable, value));
            """;

        var problems = EvidenceLabelSource.Problems("Sample.cs", Source, English.Value.ContainsKey).ToList();

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("\"a label nobody wrote a key for\"", StringComparison.Ordinal) && p.StartsWith("Sample.cs:1:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("$\"port {port", StringComparison.Ordinal) && p.StartsWith("Sample.cs:2:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"another label without a key\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"a session label without a key\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("label variable is built", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("PTR", StringComparison.Ordinal) || p.Contains("\"connection\"", StringComparison.Ordinal) || p.Contains("\"user\"", StringComparison.Ordinal));
    }
}
