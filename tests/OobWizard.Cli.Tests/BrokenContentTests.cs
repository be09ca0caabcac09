using OobWizard.Cli.Tests.Support;

namespace OobWizard.Cli.Tests;

/// <summary>The wizard does not start on content with lint errors: one line naming the first ones and `oobwizard lint`.</summary>
public sealed class BrokenContentTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oobw-broken-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, string> Edits => new()
    {
        { "no-start", "no 'start' node" },
        { "placeholder-index", "names argument 5" },
        { "placeholder-open", "is not closed" },
        { "empty-ui", "ui.yaml is empty" },
        { "list-ui", "ui.yaml is a list" },
        { "nested-quotes", "nested too deeply" },
        { "huge-page", "a content page may be at most" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void The_wizard_refuses_to_start_on_content_with_lint_errors(string edit, string named)
    {
        var content = Break(edit);
        using var run = new CliRun { Content = content };

        run.Run("1\n1\n", "--plain", "--offline", "--lang", "de");

        Assert.Equal(1, run.Exit);
        var line = Assert.Single(run.Err.Trim().Split('\n'));
        Assert.Contains("daher startet der Assistent nicht", line); // --lang de: the refusal in German, the lint issue as lint words it
        Assert.Contains(named, line);
        Assert.Contains("oobwizard lint --content " + content, line);
        Assert.Empty(Directory.GetFiles(run.SessionDir)); // no session started

        run.Run("", "lint");
        Assert.Equal(1, run.Exit);
        Assert.Contains(named, run.Out);
        Assert.DoesNotContain("   at ", run.Out + run.Err);
    }

    private string Break(string edit)
    {
        var content = BrokenContent.CopyOfShipped(_dir);
        switch (edit)
        {
            case "no-start":
                var start = Path.Combine(content, "tree", "00-start.yaml");
                var yaml = File.ReadAllText(start);
                File.WriteAllText(start, yaml.Replace("- id: start\n", "- id: begin\n", StringComparison.Ordinal));
                break;
            case "placeholder-index":
                Replace(Path.Combine(content, "de", "ui.yaml"), "probe.running: ", "probe.running: \"Prüfe {5}\"\nx.old: ");
                break;
            case "placeholder-open":
                Replace(Path.Combine(content, "de", "ui.yaml"), "session.saved: ", "session.saved: \"Gespeichert: {0\"\nx.old: ");
                break;
            case "empty-ui":
                File.WriteAllText(Path.Combine(content, "ja", "ui.yaml"), "");
                break;
            case "list-ui":
                File.WriteAllText(Path.Combine(content, "en", "ui.yaml"), "- app.name: OobWizard\n- kind.start: Start\n");
                break;
            case "nested-quotes":
                File.AppendAllText(Path.Combine(content, "en", "sym.cannot-provision.md"), "\n" + new string('>', 200) + " deep\n");
                break;
            case "huge-page":
                File.AppendAllText(Path.Combine(content, "de", "sym.cannot-provision.md"), "\n" + new string('x', 70 << 20) + "\n");
                break;
        }

        return content;
    }

    private static void Replace(string file, string what, string with)
    {
        var text = File.ReadAllText(file);
        Assert.Contains(what, text);
        File.WriteAllText(file, text.Replace(what, with, StringComparison.Ordinal));
    }
}
