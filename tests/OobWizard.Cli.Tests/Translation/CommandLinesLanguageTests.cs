using static OobWizard.Cli.Tests.Translation.LanguageRun;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>The lines of lint and checklist that are not the exported document, in de and ja (their errors and the warning prefix are the error messages' part).</summary>
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
    [InlineData("de", "Checkliste")]
    [InlineData("ja", "チェックリスト")]
    public async Task The_exported_checklist_keeps_its_heading_in_the_language(string lang, string title)
    {
        var (env, choose) = Choose(lang, byOption: true);

        var checklist = await RunAsync(env, [.. choose, "checklist", "--symptom", "console-cannot-connect"]);

        Assert.True(checklist.Exit == 0, checklist.All);
        Assert.Contains(title, checklist.Out, StringComparison.Ordinal);
        EnglishLeak.AssertNone(lang, checklist.All, "checklist");
    }
}
