using System.CommandLine;
using System.Text.RegularExpressions;
using OobWizard.Cli.Install;
using OobWizard.Cli.Rendering;
using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Content;

namespace OobWizard.Cli.Tests.Install;

public sealed class HelpTests
{
    /// <summary>Every command and subcommand, as the words to type ("lab serve").</summary>
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        var root = CliApp.Build(new CliHost { In = TextReader.Null, Out = TextWriter.Null, Err = TextWriter.Null });
        data.Add("");
        void Walk(Command c, string prefix)
        {
            foreach (var sub in c.Subcommands)
            {
                var path = (prefix + " " + sub.Name).Trim();
                data.Add(path);
                Walk(sub, path);
            }
        }

        Walk(root, "");
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryCommandsHelp_ShowsExamples_AndItsTopic(string command)
    {
        using var run = new CliRun { Content = null };

        run.Run("", [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.True(run.Exit == 0, run.Err);
        var examples = run.Out.ReplaceLineEndings("\n").Split("\nExamples:\n");
        Assert.True(examples.Length == 2, $"no Examples section in `oobwizard {command} --help`:\n{run.Out}");
        var lines = examples[1].Split('\n').TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Contains("oobwizard", l));
        var top = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "wizard";
        Assert.Contains($"More: oobwizard help {top}", run.Out);
        if (top != "wizard")
        {
            Assert.Contains(lines, l => l.Contains("oobwizard " + top, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ja")]
    public void Examples_FollowTheLanguage(string lang)
    {
        using var run = new CliRun { Content = null };

        run.Run("", "--help", "--lang", lang);

        var ownComment = HelpTopics.Examples(HelpTopics.Page("wizard", lang)!)[0].Split('#')[1].Trim();
        Assert.Contains(ownComment, run.Out);
        Assert.DoesNotContain("live checks against a real device", run.Out);
    }

    [Fact]
    public void Topics_CoverTheCommandsAndTheSubjects_InEveryLanguage()
    {
        var commands = CliApp.Build(new CliHost { In = TextReader.Null, Out = TextWriter.Null, Err = TextWriter.Null }).Subcommands.Select(c => c.Name);
        string[] subjects = ["wizard", "exit-codes", "sessions", "offline", "environment", "lab", "content", "completion", "install"];

        Assert.Empty(commands.Concat(subjects).Except(HelpTopics.All));
        foreach (var lang in Languages.All)
        {
            var files = EmbeddedContent.Help.Files(lang, ".md").Select(f => Path.GetFileNameWithoutExtension(f)).Order();
            Assert.Equal(HelpTopics.All.Order(), files);
        }
    }

    [Fact]
    public void EveryPage_IsSupportedMarkdown_WithATitle_AndRendersCompletely()
    {
        foreach (var lang in Languages.All)
        {
            foreach (var topic in HelpTopics.All)
            {
                var path = $"{lang}/{topic}.md";
                var page = EmbeddedContent.Help.ReadAllText(path, HelpTopics.PageLimit);
                Assert.Empty(MarkdownSupport.Check(page, path, 1));
                Assert.NotEqual("", HelpTopics.Title(page));
                var renderer = new MarkdownRenderer();
                renderer.Render(page);
                Assert.Empty(renderer.Unhandled);
            }
        }
    }

    [Fact]
    public void EveryCommandPage_HasTheSameExampleCommands_InEveryLanguage()
    {
        static string Command(string line) => line.Split('#')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Aggregate((a, b) => a + " " + b);
        foreach (var topic in HelpTopics.All)
        {
            var en = HelpTopics.Examples(HelpTopics.Page(topic, "en")!).Select(Command).ToList();
            Assert.Equal(en, HelpTopics.Examples(HelpTopics.Page(topic, "de")!).Select(Command));
            Assert.Equal(en, HelpTopics.Examples(HelpTopics.Page(topic, "ja")!).Select(Command));
        }
    }

    [Fact]
    public void Help_ListsTheTopics_AndShowsOne_RenderedAsText()
    {
        using var run = new CliRun { Content = null };

        run.Run("", "help");
        Assert.Equal(0, run.Exit);
        foreach (var topic in HelpTopics.All)
        {
            Assert.Matches(new Regex($"(?m)^  {Regex.Escape(topic)} +\\S"), run.Out);
        }

        run.Run("", "help", "exit-codes", "--lang", "de");
        Assert.Equal(0, run.Exit);
        Assert.Contains("Exit-Codes", run.Out);
        Assert.DoesNotContain("| code |", run.Out); // a drawn table, not the Markdown source
        Assert.Contains("130", run.Out);
    }

    [Fact]
    public void Help_UnknownTopic_IsAUsageError_NamingTheTopics()
    {
        using var run = new CliRun { Content = null };

        run.Run("", "help", "frobnicate");

        Assert.Equal(2, run.Exit);
        Assert.Contains("no topic 'frobnicate'", run.Err);
        Assert.Contains("exit-codes", run.Err);
    }

    /// <summary>The README's exit-code table and the exit-codes topic name the same codes.</summary>
    [Fact]
    public void Readme_ExitCodeTable_MatchesTheTopic()
    {
        static List<string> Codes(string markdown) =>
            Regex.Matches(markdown, @"(?m)^\| *(\d+) *\|").Select(m => m.Groups[1].Value).ToList();
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var section = readme[readme.IndexOf("## Exit codes", StringComparison.Ordinal)..];
        section = section[..(section.IndexOf("\n## ", 3, StringComparison.Ordinal) is var end and > 0 ? end : section.Length)];

        var topic = Codes(HelpTopics.Page("exit-codes", "en")!);
        Assert.Equal(["0", "1", "2", "130"], topic);
        Assert.Equal(topic, Codes(section));
    }
}
