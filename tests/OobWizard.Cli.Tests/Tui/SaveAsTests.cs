using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Sessions;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace OobWizard.Cli.Tests.Tui;

/// <summary>
/// Save as ("s", and "save FILE" in line mode) writes only into a folder that exists: the trial typed
/// "/tmp/exists.md" after the suggested "oobwizard-ID.json" and got a folder "oobwizard-ID.json/tmp/"
/// made for it. A path under a file, or in a missing folder, is refused with one line; nothing is created.
/// </summary>
public sealed class SaveAsTests : IDisposable
{
    private readonly WizardFactory _f = new();

    [Theory]
    [InlineData("en", "is a file, not a folder")]
    [InlineData("de", "ist eine Datei, kein Ordner")]
    [InlineData("ja", "はファイルであり、フォルダーではありません")]
    public void APathUnderAFile_IsRefused_WithOneLine_AndNothingIsCreated(string lang, string says)
    {
        var ctl = _f.Offline(lang);
        var file = Path.Combine(_f.Dir, "notes.json");
        File.WriteAllText(file, "a file");
        var before = ctl.SessionPath;

        var refusal = ctl.SaveAs(Path.Combine(file, "tmp", "exists.md"));

        Assert.NotNull(refusal);
        Assert.Contains(says, refusal);
        Assert.Contains(file, refusal);
        Assert.DoesNotContain('\n', refusal);
        Assert.Equal("a file", File.ReadAllText(file));
        Assert.Equal(before, ctl.SessionPath);
    }

    [Theory]
    [InlineData("en", "does not exist")]
    [InlineData("de", "existiert nicht")]
    [InlineData("ja", "は存在しません")]
    public void APathInAMissingFolder_IsRefused_AndTheFolderIsNotMade(string lang, string says)
    {
        var ctl = _f.Offline(lang);
        var folder = Path.Combine(_f.Dir, "no", "such");

        var refusal = ctl.SaveAs(Path.Combine(folder, "s2.json"));

        Assert.NotNull(refusal);
        Assert.Contains(says, refusal);
        Assert.Contains(folder, refusal);
        Assert.DoesNotContain('\n', refusal);
        Assert.False(Directory.Exists(Path.Combine(_f.Dir, "no")));
    }

    [Fact]
    public void AnExistingFolder_StillTakesTheSession()
    {
        var ctl = _f.Offline();
        var target = Path.Combine(_f.Dir, "elsewhere.json");

        Assert.Null(ctl.SaveAs(target));
        Assert.Equal(target, ctl.SessionPath);
        Assert.True(File.Exists(target));
    }

    [Theory]
    [InlineData(true, "is a file, not a folder")] // the suggested file exists: the typed text went under it
    [InlineData(false, "does not exist")] // it does not: "oobwizard-ID.json/tmp" is a missing folder
    public void TextTypedAfterTheSuggestedName_IsRefusedInTheDialog_AndNoFolderIsMade(bool suggestedExists, string says)
    {
        var ctl = _f.Offline();
        var suggested = Path.Combine(_f.Dir, $"oobwizard-{ctl.Session.Id}.json");
        if (suggestedExists)
        {
            File.WriteAllText(suggested, "{}");
        }

        using var ui = TuiHarness.Start(ctl, 80, 24, options: new() { Clipboard = new RecordingClipboard(), CurrentDirectory = _f.Dir });
        ui.Type("s");
        Assert.Equal("Save the session elsewhere", ui.Read(() => (ui.App.TopRunnable as Dialog)?.Title));
        ui.Press(Key.End).Type("/tmp/exists.md").Press(Key.Enter);

        Assert.True(Squeeze(ui.ScreenText()).Contains(Squeeze(says), StringComparison.Ordinal), ui.ScreenText()); // said in the dialog, which stays open to correct it
        Assert.Equal("Save the session elsewhere", ui.Read(() => (ui.App.TopRunnable as Dialog)?.Title));
        Assert.False(Directory.Exists(Path.Combine(_f.Dir, $"oobwizard-{ctl.Session.Id}.json", "tmp")));
        Assert.Equal(suggestedExists, File.Exists(suggested));
        Assert.Equal(Path.Combine(_f.Dir, "s.json"), ctl.SessionPath);
        Assert.Empty(Directory.GetFiles(_f.Dir, "exists.md", SearchOption.AllDirectories));
    }

    // The screen's text without spaces, line breaks and the dialog's side borders (the message wraps inside them).
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '│'));

    public void Dispose() => _f.Dispose();
}
