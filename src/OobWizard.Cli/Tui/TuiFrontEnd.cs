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
    /// <summary>Runs the window until the user leaves; 0 when the session is saved (or read-only by choice), 1 when its last steps are not in the file the message names.</summary>
    public int Run(CancellationToken ct)
    {
        var theme = TuiTheme.FromEnvironment(host.Env);
        WizardWindow? left;
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
            void Leave(PosixSignalContext context)
            {
                context.Cancel = true;
                app.Invoke(window.SaveAndLeave);
                if (context.Signal == PosixSignal.SIGHUP)
                {
                    ArmHangupWatchdog(window);
                }
            }

            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Leave);
            using var hup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Leave);
            using var cancel = ct.Register(() => app.Invoke(window.SaveAndLeave));
            using (host.Password.Use(window.AskPassword, window.AskLdapPassword, window.AskPfxPassword))
            {
                app.Run(window);
            }

            left = window;
        }

        try
        {
            return Farewell(left);
        }
        catch (IOException)
        {
            // SIGHUP: the terminal is gone; the session is saved (or rescued) all the same.
            return ctl.NotSavedReason is null || ctl.ReadOnly ? 0 : 1;
        }
    }

    /// <summary>
    /// SIGHUP with the terminal already gone (an SSH link dropped, tmux kill-session, the terminal window closed):
    /// Terminal.Gui's loop may never come back to run the saving step, or may spin restoring a terminal that no
    /// longer exists (found by hand: orphaned wizards at 50-70 % CPU each, holding their session lock). If the
    /// process is still here after <see cref="HangupGrace"/>, it saves what the window has not and ends with
    /// 129 (128 + SIGHUP). A background thread, so a normal exit never waits for it.
    /// </summary>
    private void ArmHangupWatchdog(WizardWindow window)
    {
        var watchdog = new Thread(() =>
        {
            Thread.Sleep(HangupGrace);
            if (!window.Left && !ctl.ReadOnly)
            {
                ctl.Save();
            }

            ctl.ReleaseLock();
            Environment.Exit(129);
        })
        { IsBackground = true, Name = "oobwizard-hangup" };
        watchdog.Start();
    }

    /// <summary>How long a hung-up wizard may take to save and restore the terminal on its own before it is ended.</summary>
    public static readonly TimeSpan HangupGrace = TimeSpan.FromSeconds(10);

    // After the terminal is restored: where the session is and how to go on (or what was lost).
    private int Farewell(WizardWindow window)
    {
        var language = ctl.Language;
        if (window.RescueReason is { } why)
        {
            host.Out.WriteLine(why);
            host.Out.WriteLine(window.RescueFailed
                ? ctl.Content.Ui(language, "save.lost")
                : ctl.Content.UiFormat(language, "save.rescued", ctl.SessionPath));
            return 1;
        }

        if (ctl.ReadOnly)
        {
            // Taken over: its steps up to then are in the file; opened read-only beside another window: none are.
            host.Out.WriteLine(ctl.TakenOverBy is { } other ? ctl.Content.UiFormat(language, "session.taken-over", Localization.ErrorText.Holder(other, (k, a) => ctl.Content.UiFormat(language, k, a)))
                : heldBy is not null ? ctl.Content.UiFormat(language, "session.readonly", ctl.SessionPath)
                : ctl.Content.UiFormat(language, "save.readonly", ctl.SessionPath));
            return 0;
        }

        if (ctl.NotSavedReason is { } reason)
        {
            host.Out.WriteLine(reason);
            return 1;
        }

        host.Out.WriteLine(ctl.Content.UiFormat(language, "session.saved", ctl.SessionPath, ctl.ResumeCommand));
        return 0;
    }
}
