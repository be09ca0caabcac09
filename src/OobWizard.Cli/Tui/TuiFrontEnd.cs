using System.Runtime.InteropServices;
using OobWizard.Cli.Wizard;
using OobWizard.Core.Sessions;
using Terminal.Gui.App;

namespace OobWizard.Cli.Tui;

/// <summary>
/// Runs the full-screen wizard on Terminal.Gui: one application instance, the wizard window, the
/// key-sequence joiner, the password dialog, and SIGTERM/SIGHUP handlers that save the session and
/// let Terminal.Gui restore the terminal (never left in raw mode or on the alternate screen).
/// After the terminal is restored it prints how to continue.
/// </summary>
public sealed class TuiFrontEnd(WizardController ctl, CliHost host, SessionLockHolder? heldBy)
{
    public int Run(CancellationToken ct)
    {
        var theme = TuiTheme.FromEnvironment(host.Env);
        var previousAsk = host.Password.Ask;
        using (var app = Application.Create())
        {
            app.Init();
            if (TerminalColors.Only16(host.Env))
            {
                app.Driver!.Force16Colors = true;
            }

            using var window = new WizardWindow(ctl, theme, new TuiOptions
            {
                Clipboard = new TerminalClipboard(),
                CurrentDirectory = Environment.CurrentDirectory,
                HeldBy = heldBy,
            });
            new EscapeSequenceJoiner(app).Attach();
            host.Password.Ask = window.AskPassword;
            void Leave(PosixSignalContext context)
            {
                context.Cancel = true;
                app.Invoke(window.SaveAndLeave);
            }

            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Leave);
            using var hup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Leave);
            using var cancel = ct.Register(() => app.Invoke(window.SaveAndLeave));
            try
            {
                app.Run(window);
            }
            finally
            {
                host.Password.Ask = previousAsk;
            }
        }

        try
        {
            host.Out.WriteLine(ctl.ReadOnly
                ? ctl.Content.UiFormat(ctl.Language, "session.readonly", ctl.SessionPath)
                : ctl.Content.UiFormat(ctl.Language, "session.saved", ctl.SessionPath, ctl.ResumeCommand));
        }
        catch (IOException)
        {
            // SIGHUP: the terminal is gone; the session is saved all the same.
        }

        return 0;
    }
}
