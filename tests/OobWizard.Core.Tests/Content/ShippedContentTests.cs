using System.Text.RegularExpressions;
using OobWizard.Core.Content;
using OobWizard.Core.Lint;
using OobWizard.Core.Tests.Support;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Tests.Content;

/// <summary>The content the tool ships with (the repository's content/ folder).</summary>
public sealed partial class ShippedContentTests
{
    /// <summary>
    /// The 34 diagnosis ids of the problem catalog, copied from /work/shared/problem-catalog.md
    /// (tables "Provisioning (seed 000)" and "Out-of-band management console (seed 002)").
    /// Kept here as data: the tests do not read the shared folder at run time.
    /// </summary>
    public static readonly string[] CatalogDiagnosisIds =
    [
        "prov.prerequisites",
        "prov.hotfix-942841",
        "prov.dns-dhcp",
        "prov.ad-container-missing",
        "prov.disjoint-namespace",
        "prov.inband-client-not-approved",
        "prov.cert-option-disabled-child-site",
        "prov.amt-version-unsupported",
        "prov.cert-template-permissions",
        "prov.child-domain-dcom",
        "prov.cert-hash-missing",
        "prov.inband-auto-provision-disabled",
        "prov.inband-previously-discovered",
        "prov.provisionserver-alias-missing",
        "prov.other-management-solution",
        "prov.cert-revoke-denied",
        "prov.root-key-too-long",
        "prov.crl-check-failed",
        "prov.wireless",
        "console.prerequisites",
        "console.unsupported-os",
        "console.wireless-name-resolution",
        "console.no-host-record",
        "console.cannot-connect",
        "console.no-amt-user-account",
        "console.power-state-only",
        "console.functions-fail-second-console",
        "console.power-on-password",
        "console.redirection-disabled",
        "console.ider-low-privilege",
        "console.settings-not-applied",
        "console.blocked-client",
        "console.ipv6-slow",
        "console.renamed-or-moved",
    ];

    private static readonly Lazy<ContentSet> Shipped = new(() => ContentLoader.Load(RepoContent.Directory));

    public static TheoryData<string> CatalogIds => new(CatalogDiagnosisIds);

    // A row of the README's probe table: | amt.reachable | `pass` (...), `closed` (...) |
    [GeneratedRegex(@"^\|\s*([a-z]+\.[a-z0-9-]+)\s*\|(.*)\|\s*$", RegexOptions.Multiline)]
    private static partial Regex ProbeRow();

    [GeneratedRegex("`([a-z0-9-]+)`")]
    private static partial Regex Verdict();

    [Fact]
    public void The_catalog_list_has_34_distinct_ids()
    {
        Assert.Equal(34, CatalogDiagnosisIds.Distinct().Count());
    }

    [Fact]
    public void Lint_finds_no_errors_in_the_shipped_content()
    {
        IssueAssert.NoErrors(ContentLinter.Lint(Shipped.Value));
    }

    [Fact]
    public void The_shipped_probe_nodes_map_only_verdicts_the_content_readme_documents()
    {
        var readme = File.ReadAllText(Path.Combine(RepoContent.Directory, "README.md"));
        var known = ProbeRow().Matches(readme)
            .ToDictionary(m => m.Groups[1].Value, m => (IReadOnlyList<string>)Verdict().Matches(m.Groups[2].Value).Select(v => v.Groups[1].Value).ToList());
        Assert.Contains("amt.reachable", known.Keys);

        var issues = ContentLinter.Lint(Shipped.Value, known);

        IssueAssert.NoErrors(issues);
        Assert.DoesNotContain(issues, i => i.Message.Contains("is not implemented", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void Every_catalog_problem_is_a_diagnosis_node(string id)
    {
        var node = Shipped.Value.Tree.Find(id);

        Assert.NotNull(node);
        Assert.Equal(NodeKind.Diagnosis, node.Kind);
    }

    [Fact]
    public void Every_node_has_a_titled_text_in_english_german_and_japanese()
    {
        var missing = new List<string>();
        foreach (var node in Shipped.Value.Tree.Nodes)
        {
            foreach (var lang in Languages.All)
            {
                if (!Shipped.Value.Texts[lang].TryGetValue(node.Id, out var text) || string.IsNullOrWhiteSpace(text.Title))
                {
                    missing.Add($"{lang}/{node.Id}.md");
                }
            }
        }

        Assert.Empty(missing);
        Assert.Equal(["en", "de", "ja"], Languages.All);
    }

    [Fact]
    public void Every_symptom_of_the_start_node_leads_to_a_sym_entry_point()
    {
        var symptoms = Shipped.Value.Tree.Symptoms;

        Assert.NotEmpty(symptoms);
        Assert.All(symptoms, s => Assert.StartsWith("sym.", s.Next, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_diagnosis_text_has_cause_confirm_and_fix_sections_in_every_language()
    {
        var missing = new List<string>();
        foreach (var node in Shipped.Value.Tree.Nodes.Where(n => n.Kind == NodeKind.Diagnosis))
        {
            foreach (var lang in Languages.All)
            {
                var ids = MarkdownSupport.SectionIds(MarkdownSupport.Parse(Shipped.Value.Text(lang, node.Id).Body));
                missing.AddRange(new[] { "cause", "confirm", "fix" }.Where(s => !ids.Contains(s)).Select(s => $"{lang}/{node.Id}.md #{s}"));
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_cause_beyond_the_catalog_names_its_sources_in_every_language()
    {
        var missing = new List<string>();
        foreach (var node in Shipped.Value.Tree.Nodes.Where(n => n.Kind == NodeKind.Diagnosis && !CatalogDiagnosisIds.Contains(n.Id)))
        {
            missing.AddRange(Languages.All.Where(lang => Shipped.Value.Text(lang, node.Id).Sources.Count == 0).Select(lang => $"{lang}/{node.Id}.md"));
        }

        Assert.Empty(missing);
        Assert.True(Shipped.Value.Tree.Nodes.Count(n => n.Kind == NodeKind.Diagnosis) > CatalogDiagnosisIds.Length);
    }

    [Fact]
    public void The_term_list_is_loaded_for_all_three_languages()
    {
        Assert.Equal(["de", "en", "ja"], Shipped.Value.Terms.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(Shipped.Value.Terms["ja"], t => t.Wrong == "インバンド" && t.Right == "帯域内");
        Assert.Contains(Shipped.Value.Terms["ja"], t => t.Wrong == "証明書サービス DCOM アクセス");
        Assert.Contains(Shipped.Value.Terms["de"], t => t.Wrong == "widerruf");
    }

    [Fact]
    public void Answering_not_fixed_again_and_again_never_cycles_between_diagnoses()
    {
        var tree = Shipped.Value.Tree;
        foreach (var start in tree.Nodes.Where(n => n.Kind == NodeKind.Diagnosis))
        {
            var seen = new List<string> { start.Id };
            var next = tree.Find(start.FindChoice(Node.NotFixedChoice)!.Next);
            while (next is { Kind: NodeKind.Diagnosis })
            {
                Assert.False(seen.Contains(next.Id), "not-fixed cycle: " + string.Join(" -> ", seen.Append(next.Id)));
                seen.Add(next.Id);
                next = tree.Find(next.FindChoice(Node.NotFixedChoice)!.Next);
            }

            Assert.NotNull(next);
        }
    }
}
