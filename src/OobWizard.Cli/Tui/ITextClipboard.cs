using Terminal.Gui.App;

namespace OobWizard.Cli.Tui;

/// <summary>Puts text on the clipboard; true when at least one way of doing so was taken.</summary>
public interface ITextClipboard
{
    bool Copy(IApplication app, string text);
}
