using OobWizard.Cli.Tui;
using Terminal.Gui.App;

namespace OobWizard.Cli.Tests.Support;

/// <summary>A clipboard that keeps what was copied (tests assert on it).</summary>
public sealed class RecordingClipboard : ITextClipboard
{
    public List<string> Copied { get; } = [];

    public bool Copy(IApplication app, string text)
    {
        Copied.Add(text);
        return true;
    }
}
