using System.Text.Json;
using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Content;

namespace OobWizard.Cli.Tests;

public sealed class CommandTests
{
    [Fact]
    public void Lint_PassesOnTheShippedContent()
    {
        using var run = new CliRun();
        run.Run("", "lint");

        Assert.True(run.Exit == 0, run.Out);
        Assert.Contains(" 0 errors", run.Out);
    }

    [Fact]
    public async Task Lint_FailsWithFileAndLine_OnBrokenContent()
    {
        using var run = new CliRun();
        var dir = Directory.CreateTempSubdirectory("oobw-lint-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "tree"));
        File.WriteAllText(Path.Combine(dir, "tree", "00-start.yaml"), "- id: start\n  kind: start\n  choices:\n    - id: a\n      next: sym.nowhere\n");
        var output = new StringWriter();
        var host = new CliHost { In = new StringReader(""), Out = output, Err = new StringWriter() };

        var exit = await CliApp.RunAsync(["lint", "--content", dir], host);

        Assert.Equal(1, exit);
        Assert.Contains(Path.Combine(dir, "tree", "00-start.yaml") + ":4: error: start: choice 'a' leads to unknown node 'sym.nowhere'", output.ToString());
    }

    [Fact]
    public void Graph_Json_HasTheDocumentedShape()
    {
        using var run = new CliRun();
        run.Run("", "graph", "--format", "json");

        using var doc = JsonDocument.Parse(run.Out);
        var kinds = doc.RootElement.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ToHashSet();
        Assert.Subset(new HashSet<string?> { "start", "question", "probe", "diagnosis", "end" }, kinds);
        Assert.Equal(5, kinds.Count);
        var edges = doc.RootElement.GetProperty("edges").EnumerateArray()
            .Select(e => (From: e.GetProperty("from").GetString()!, To: e.GetProperty("to").GetString()!, Trigger: e.GetProperty("trigger").GetString()!))
            .ToList();
        Assert.All(edges, e => Assert.True(e.Trigger.StartsWith("choice:", StringComparison.Ordinal) || e.Trigger.StartsWith("verdict:", StringComparison.Ordinal), e.Trigger));
        Assert.All(edges.Where(e => e.From == "start"), e => Assert.StartsWith("sym.", e.To));
        // A probe node's manual question is the same node's choice: edges.
        var probe = doc.RootElement.GetProperty("nodes").EnumerateArray().First(n => n.GetProperty("kind").GetString() == "probe").GetProperty("id").GetString();
        Assert.Contains(edges, e => e.From == probe && e.Trigger.StartsWith("verdict:", StringComparison.Ordinal));
        Assert.Contains(edges, e => e.From == probe && e.Trigger.StartsWith("choice:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("mermaid", "flowchart TD")]
    [InlineData("dot", "digraph oobwizard")]
    public void Graph_OtherFormats(string format, string head)
    {
        using var run = new CliRun();
        run.Run("", "graph", "--format", format);

        Assert.Equal(0, run.Exit);
        Assert.StartsWith(head, run.Out);
        Assert.Contains("console.power-state-only", run.Out);
    }

    public static TheoryData<string, string> SymptomsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var symptom in ContentLoader.Load(Repo.Content).Tree.Symptoms)
        {
            foreach (var lang in Languages.All)
            {
                data.Add(symptom.Id, lang);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SymptomsAndLanguages))]
    public void Checklist_PrintsEverySymptom_InEveryLanguage(string symptom, string lang)
    {
        using var run = new CliRun();
        run.Run("", "checklist", "--symptom", symptom, "--lang", lang);

        Assert.Equal(0, run.Exit);
        Assert.Contains("## 1. ", run.Out);
        Assert.Contains("- [ ] ", run.Out);
        Assert.DoesNotContain("{#", run.Out);
    }

    [Fact]
    public void Checklist_Html_IsAPage()
    {
        using var run = new CliRun();
        run.Run("", "checklist", "--symptom", "redirection-fails", "--format", "html", "--lang", "ja");

        Assert.StartsWith("<!DOCTYPE html>", run.Out);
        Assert.Contains("<html lang=\"ja\">", run.Out);
        Assert.Contains("type=\"checkbox\"", run.Out);
    }

    [Fact]
    public void Checklist_UnknownSymptom_IsAOneLineError()
    {
        using var run = new CliRun();
        run.Run("", "checklist", "--symptom", "printer-on-fire");

        Assert.Equal(2, run.Exit);
        Assert.Equal("oobwizard: --symptom: no symptom 'printer-on-fire' (try --list)", run.Err.Trim());
    }

    [Fact]
    public void UsageErrors_ExitTwo_WithoutAStackTrace()
    {
        using var run = new CliRun();
        run.Run("", "--lang", "fr");

        Assert.Equal(2, run.Exit);
        Assert.Contains("fr", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
    }

    [Theory]
    [InlineData("check", "--target", "pc01.fabrikam.test")]
    [InlineData("--plain", "--target", "pc01.fabrikam.test")]
    public void AMistypedDnsServer_IsAUsageError_NamingIt(params string[] args)
    {
        using var run = new CliRun();
        run.Run("", [.. args, "--dns", "dns01:99999"]);

        Assert.Equal(2, run.Exit);
        Assert.Contains("--dns: 'dns01:99999' is not SERVER[:PORT]", run.Err);
        Assert.Empty(Directory.GetFiles(run.SessionDir)); // no session started
    }
}
