namespace OobWizard.Cli.Tui;

/// <summary>
/// Terminal.Gui reads only TERM and COLORTERM and assumes 24-bit colour for anything it does not
/// know (TERM=screen, tmux, xterm, vt220). Without COLORTERM=truecolor/24bit (or a *-256color /
/// *-direct TERM, or Windows Terminal) the wizard asks for the 16 standard colours instead, which
/// every colour terminal shows right.
/// </summary>
public static class TerminalColors
{
    public static bool Only16(Func<string, string?> env)
    {
        var colorTerm = env("COLORTERM");
        if (colorTerm is "truecolor" or "24bit" || env("WT_SESSION") is { Length: > 0 })
        {
            return false;
        }

        var term = env("TERM") ?? "";
        return !(term.EndsWith("-256color", StringComparison.Ordinal) || term.EndsWith("-direct", StringComparison.Ordinal) || term.EndsWith("-truecolor", StringComparison.Ordinal));
    }
}
