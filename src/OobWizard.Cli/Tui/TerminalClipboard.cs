using System.Text;
using Terminal.Gui.App;

namespace OobWizard.Cli.Tui;

/// <summary>
/// Copies text two ways at once: Terminal.Gui's clipboard (xclip, pbcopy, the Windows API where
/// present) and the terminal's own clipboard through OSC 52 (<c>ESC ] 52 ; c ; base64 BEL</c>),
/// which reaches the user's desktop over SSH in terminals that allow it (tmux needs
/// <c>set -g set-clipboard on</c>). Neither is certain, so the window always offers a file too.
/// </summary>
public sealed class TerminalClipboard : ITextClipboard
{
    /// <summary>OSC 52 payloads larger than this are refused by many terminals; beyond it only the file helps.</summary>
    public const int Osc52Limit = 74_994;

    public bool Copy(IApplication app, string text)
    {
        var copied = false;
        try
        {
            copied = app.Clipboard is { IsSupported: true } clipboard && clipboard.TrySetClipboardData(text);
        }
        catch (NotSupportedException)
        {
        }

        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        if (base64.Length <= Osc52Limit && app.Driver is { } driver)
        {
            driver.WriteRaw("\u001b]52;c;" + base64 + "\u0007");
            copied = true;
        }

        return copied;
    }
}
