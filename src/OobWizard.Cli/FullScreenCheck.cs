using Terminal.Gui.Drivers;

namespace OobWizard.Cli;

/// <summary>
/// Decides before Terminal.Gui starts whether the full-screen wizard can run: without a
/// controlling terminal Terminal.Gui hangs, and <c>TERM=dumb</c> cannot position a cursor.
/// </summary>
public static class FullScreenCheck
{
    /// <summary>Why not (a short phrase for the note on stderr), or null when it can.</summary>
    public static string? Reason(bool stdioIsTerminal, Func<string, string?> env)
    {
        if (!stdioIsTerminal)
        {
            return "no terminal on stdin/stdout";
        }

        if (string.Equals(env("TERM"), "dumb", StringComparison.Ordinal))
        {
            return "TERM=dumb";
        }

        return Driver.IsAttachedToTerminal(out _, out _) ? null : "no controlling terminal";
    }
}
