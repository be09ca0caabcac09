using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Content;
using static OobWizard.Cli.Tests.Translation.LanguageRun;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>The lines of lint, checklist and report that are not the exported document, and the warning prefix, in de and ja.</summary>
public sealed class CommandLinesLanguageTests
{
    [Theory]
    [MemberData(nameof(Choices), MemberType = typeof(LanguageRun))]
    public async Task Lint_sums_up_in_the_language(string lang, bool byOption)
    {
        var (env, choose) = Choose(lang, byOption);

        var run = await RunAsync(env, [.. choose, "lint"]);

        Assert.True(run.Exit == 0, run.All);
        Assert.Matches(lang == "de" ? @"\d+ Knoten \(\d+ Diagnosen, \d+ Symptome\) in 3 Sprachen: 0 Fehler, 0 Warnungen" : @"ノード \d+ 個 \(診断 \d+ 個、症状 \d+ 個\)、3 言語: エラー 0 件、警告 0 件", run.Out);
        AssertSpeaks(lang, run.All, "lint");
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ja")]
    public async Task Checklist_without_a_symptom_lists_them_in_the_language(string lang)
    {
        var (env, choose) = Choose(lang, byOption: true);

        var run = await RunAsync(env, [.. choose, "checklist"]);

        Assert.Equal(2, run.Exit);
        Assert.Contains(lang == "de" ? "oobwizard: --symptom fehlt; die Symptome sind:" : "oobwizard: --symptom を指定してください。症状の一覧:", run.Err, StringComparison.Ordinal);
        AssertSpeaks(lang, run.All, "checklist");
    }

    [Theory]
    [InlineData("de", "Checkliste")]
    [InlineData("ja", "チェックリスト")]
    public async Task The_exported_checklist_and_report_keep_their_headings_in_the_language(string lang, string title)
    {
        var (env, choose) = Choose(lang, byOption: true);

        var checklist = await RunAsync(env, [.. choose, "checklist", "--symptom", "console-cannot-connect"]);

        Assert.True(checklist.Exit == 0, checklist.All);
        Assert.Contains(title, checklist.Out, StringComparison.Ordinal);
        EnglishLeak.AssertNone(lang, checklist.All, "checklist");
    }

    [Theory]
    [InlineData("en", "oobwizard: warning: look")]
    [InlineData("de", "oobwizard: Warnung: look")]
    [InlineData("ja", "oobwizard: 警告: look")]
    public async Task A_warning_says_warning_in_the_language(string lang, string expected)
    {
        var err = new StringWriter();
        var host = new CliHost { In = TextReader.Null, Out = TextWriter.Null, Err = err };

        await Task.Run(() =>
        {
            Messages.Use(Messages.Load(new FolderContentSource(Repo.Content), lang));
            host.Warn("look");
        });

        Assert.Equal(expected, err.ToString().TrimEnd());
    }
}
