using System.Text.RegularExpressions;
using OobWizard.Core.Content;
using OobWizard.Core.Export;
using OobWizard.Core.Tests.Support;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Tests.Export;

public sealed partial class ChecklistExportTests
{
    private static readonly Lazy<ContentSet> Shipped = new(() => ContentLoader.Load(RepoContent.Directory));

    public static TheoryData<string, string> SymptomsAndLanguages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var s in ContentLoader.Load(RepoContent.Directory).Tree.Symptoms)
            {
                foreach (var lang in Languages.All)
                {
                    data.Add(s.Id, lang);
                }
            }

            return data;
        }
    }

    [GeneratedRegex(@"^## (\d+)\. ", RegexOptions.Multiline)]
    private static partial Regex StepHeading();

    private static HashSet<string> Reachable(DecisionTree tree, string from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var e in tree.Edges().Where(e => e.From == id))
            {
                if (seen.Add(e.To))
                {
                    queue.Enqueue(e.To);
                }
            }
        }

        return seen;
    }

    [Theory]
    [MemberData(nameof(SymptomsAndLanguages))]
    public void The_checklist_of_a_symptom_lists_every_diagnosis_reachable_from_it(string symptomId, string language)
    {
        var tree = Shipped.Value.Tree;
        var symptom = ChecklistExporter.FindSymptom(tree, symptomId)!;

        var md = ChecklistExporter.ToMarkdown(Shipped.Value, language, symptom);

        var diagnoses = Reachable(tree, symptom.Next).Where(id => tree[id].Kind == NodeKind.Diagnosis).ToList();
        Assert.NotEmpty(diagnoses);
        Assert.All(diagnoses, id => Assert.Contains($"(`{id}`)", md, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SymptomsAndLanguages))]
    public void The_checklist_numbers_its_steps_from_one_without_gaps(string symptomId, string language)
    {
        var symptom = ChecklistExporter.FindSymptom(Shipped.Value.Tree, symptomId)!;

        var md = ChecklistExporter.ToMarkdown(Shipped.Value, language, symptom);

        var numbers = StepHeading().Matches(md).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(numbers);
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
    }

    [Theory]
    [MemberData(nameof(SymptomsAndLanguages))]
    public void The_checklist_demotes_the_nodes_own_headings_and_drops_their_ids(string symptomId, string language)
    {
        var symptom = ChecklistExporter.FindSymptom(Shipped.Value.Tree, symptomId)!;

        var md = ChecklistExporter.ToMarkdown(Shipped.Value, language, symptom);

        Assert.DoesNotContain("{#", md, StringComparison.Ordinal);
        var headings = md.Split('\n').Where(l => l.StartsWith('#')).ToList();
        Assert.Single(headings, h => h.StartsWith("# ", StringComparison.Ordinal));
        Assert.All(headings.Where(h => !h.StartsWith("# ", StringComparison.Ordinal) && !StepHeading().IsMatch(h)), h => Assert.StartsWith("###", h, StringComparison.Ordinal));
    }

    [Fact]
    public void Demote_moves_headings_two_levels_down_and_removes_the_attribute()
    {
        var body = "Intro\n\n# Top\n\n## Fix {#fix}\n1. step\n\n```\n## not a heading {#x}\n```\n";

        var demoted = ChecklistExporter.Demote(body);

        Assert.Equal("Intro\n\n### Top\n\n#### Fix\n1. step\n\n```\n## not a heading {#x}\n```\n", demoted);
    }

    [Fact]
    public void Find_symptom_accepts_the_choice_id_and_the_sym_node_id()
    {
        var tree = Shipped.Value.Tree;

        var byChoice = ChecklistExporter.FindSymptom(tree, "cannot-provision");
        var byNode = ChecklistExporter.FindSymptom(tree, "sym.cannot-provision");

        Assert.NotNull(byChoice);
        Assert.Same(byChoice, byNode);
        Assert.Equal("sym.cannot-provision", byChoice.Next);
        Assert.Null(ChecklistExporter.FindSymptom(tree, "no-such-symptom"));
    }

    [Fact]
    public void The_checklist_of_a_small_tree_walks_the_subtree_in_order_and_names_the_ends()
    {
        using var content = new ContentFixture();
        content.Write("en/ui.yaml", "choice.fixed: Fixed\nchoice.not-fixed: Not fixed\nchecklist.title: Checklist\nchecklist.intro: Intro\nchecklist.goto: \"step {0}\"\nchecklist.resolved: resolved\nchecklist.escalate: escalate\nkind.question: Question\nkind.diagnosis: Diagnosis\n");
        var set = ContentLoader.Load(content.Root);

        var md = ChecklistExporter.ToMarkdown(set, "en", ChecklistExporter.FindSymptom(set.Tree, "broken")!);

        Assert.StartsWith("# Checklist: It is broken\n\nIntro\n\n## 1. Question: Is it broken?\n", md, StringComparison.Ordinal);
        Assert.Contains("## 2. Diagnosis: The one diagnosis (`diag.one`)", md, StringComparison.Ordinal);
        Assert.Contains("- [ ] Yes → step 2\n", md, StringComparison.Ordinal);
        Assert.Contains("- [ ] No → escalate\n", md, StringComparison.Ordinal);
        Assert.Contains("**Does it work now?**", md, StringComparison.Ordinal);
        Assert.Contains("- [ ] Fixed → resolved\n", md, StringComparison.Ordinal);
        Assert.Contains("#### Fix\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void The_checklist_marks_probe_steps_and_guarded_answers()
    {
        using var content = new ContentFixture();
        content.Write("tree/10-sub.yaml", """
            - id: sym.broken
              kind: probe
              probe: amt.reachable
              verdicts:
                pass: diag.one
              choices:
                - id: yes
                  next: diag.one
                - id: no
                  next: end.escalate
                  requires: [start=broken]

            - id: diag.one
              kind: diagnosis
              unresolved: end.escalate
            """);
        content.Write("en/ui.yaml", "checklist.probe: \"live check {0}\"\nchecklist.only-if: \"only if {0}\"\n");
        var set = ContentLoader.Load(content.Root);

        var md = ChecklistExporter.ToMarkdown(set, "en", ChecklistExporter.FindSymptom(set.Tree, "broken")!);

        Assert.Contains("> live check amt.reachable\n", md, StringComparison.Ordinal);
        Assert.Contains("(only if start=broken)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_checklist_is_a_whole_page_in_the_language_with_the_title_escaped()
    {
        using var content = new ContentFixture();
        content.Text("de", "start", "title: Symptom\nchoices:\n  broken: Kaputt <&> \"x\"", "");
        content.Write("de/ui.yaml", "checklist.title: Checkliste\n");
        var set = ContentLoader.Load(content.Root);

        var html = ChecklistExporter.ToHtml(set, "de", ChecklistExporter.FindSymptom(set.Tree, "sym.broken")!);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Checkliste: Kaputt &lt;&amp;&gt; &quot;x&quot;</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<&>", html, StringComparison.Ordinal);
        Assert.Contains("type=\"checkbox\"", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }
}
