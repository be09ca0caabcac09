using OobWizard.Core.Content;
using OobWizard.Core.Engine;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tree;
using Spectre.Console;

namespace OobWizard.Cli.Wizard;

/// <summary>
/// Line mode for scripts, screen readers and bad links: no ANSI, no cursor movement. Prints each
/// step with numbered choices and reads one line per answer. EOF saves and exits cleanly.
/// A step that cannot be saved is said in one line (once), the session stays in memory, and
/// <c>save FILE</c> saves it elsewhere; <c>quit</c> then asks again before leaving unsaved, and EOF
/// saves a rescue copy (<see cref="WizardController.SaveRescueCopy"/>).
/// </summary>
public sealed class PlainFrontEnd(WizardController ctl, IAnsiConsole console, TextReader input, Func<string, string?>? readSecret = null, SessionLockHolder? heldBy = null)
{
    private bool _quitAsked;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var autoProbe = true;
        var redraw = true;
        var page = new PageBuilder(ctl, unicode: false);
        if (heldBy is not null && !ResolveLock(heldBy, page))
        {
            return 0;
        }

        if (ctl.ReadOnly)
        {
            console.WriteLine(page.Ui("save.readonly", ctl.SessionPath) + " " + page.Ui("save.hint.plain"));
        }

        while (true)
        {
            if (autoProbe && ctl.CanProbe)
            {
                console.WriteLine(page.Ui("probe.running", ctl.Current.Probe));
                var before = ctl.Current.Id;
                await ctl.RunProbeAsync(ct).ConfigureAwait(false);
                Report(ctl.AutomaticMoveRefused, page);
                await OfferPasswordAsync(page, ct).ConfigureAwait(false);
                AnnounceSaveProblem(page);
                // Moved along a verdict: the next node may be a probe too. Stayed: ask the manual question.
                autoProbe = ctl.Current.Id != before;
                continue;
            }

            console.WriteLine();
            console.WriteLine("== " + page.Breadcrumb(int.MaxValue, shorten: false) + " ==");
            console.Write(page.Body());
            console.WriteLine();
            if (ctl.AtEnd)
            {
                return 0;
            }

            var choices = ctl.Choices;
            for (var i = 0; i < choices.Count; i++)
            {
                console.WriteLine($"  {i + 1}) {page.ChoiceLabel(choices[i])}");
            }

            console.WriteLine(page.Ui("plain.hint"));
            console.Write("> ");
            console.Profile.Out.Writer.Flush();
            var line = input.ReadLine();
            if (line is null)
            {
                console.WriteLine();
                return LeaveAtEndOfInput(page);
            }

            var (handled, exit, probeAgain) = await HandleAsync(line.Trim(), choices, page, ct).ConfigureAwait(false);
            AnnounceSaveProblem(page);
            if (exit)
            {
                return ctl.NotSavedReason is null || ctl.ReadOnly ? 0 : 1;
            }

            autoProbe = probeAgain || handled is "choice" or "restart";
            // Only a move (or a new language) prints the page again; a typo or a note just asks again.
            redraw = handled is "choice" or "restart" or "back" or "lang" || probeAgain;
        }
    }

    /// <summary>
    /// After AMT refused the password: say so, and ask for it again (without echo on a terminal, else one line of
    /// input); an empty answer goes on without it.
    /// </summary>
    private async Task OfferPasswordAsync(PageBuilder page, CancellationToken ct)
    {
        while (ctl.PasswordRefused)
        {
            console.WriteLine(page.Ui("password.refused", ctl.RefusedUser));
            var prompt = page.Ui("password.reenter");
            string? again;
            if (readSecret is not null)
            {
                again = readSecret(prompt);
            }
            else
            {
                console.Write(prompt);
                console.Profile.Out.Writer.Flush();
                again = input.ReadLine();
                console.WriteLine();
            }

            if (string.IsNullOrEmpty(again))
            {
                ctl.DeclinePasswordRetry();
                return;
            }

            console.WriteLine(page.Ui("probe.running", ctl.Current.Probe));
            await ctl.RetryWithPasswordAsync(again, ct).ConfigureAwait(false);
        }
    }

    // Another window has the session open: read-only (r), take over (t), or leave (anything else).
    private bool ResolveLock(SessionLockHolder other, PageBuilder page)
    {
        console.WriteLine(page.Ui("plain.lock", Localization.ErrorText.Holder(other, page.Ui)));
        console.Write("> ");
        console.Profile.Out.Writer.Flush();
        switch (input.ReadLine()?.Trim().ToLowerInvariant())
        {
            case "t" or "take-over" or "takeover":
                ctl.TakeOverLock();
                return true;
            case "r" or "read-only" or "readonly":
                ctl.OpenReadOnly();
                return true;
            default:
                ctl.OpenReadOnly();
                return false;
        }
    }

    /// <summary>One line when a step could not be saved (once per failure), with the way out.</summary>
    private void AnnounceSaveProblem(PageBuilder page)
    {
        if (ctl.TakeSaveWarning() is { } warning)
        {
            console.WriteLine("! " + warning + " " + page.Ui("save.hint.plain"));
        }
    }

    /// <summary>EOF: save; if that fails, keep the input in a rescue copy rather than lose it.</summary>
    private int LeaveAtEndOfInput(PageBuilder page)
    {
        if (ctl.Save())
        {
            console.WriteLine(page.Ui("session.saved", ctl.SessionPath, ctl.ResumeCommand));
            return 0;
        }

        console.WriteLine("! " + ctl.NotSavedReason);
        if (ctl.ReadOnly)
        {
            return 0;
        }

        if (ctl.SaveRescueCopy() is { } rescue)
        {
            console.WriteLine(page.Ui("save.rescued", rescue));
            return 1;
        }

        console.WriteLine(page.Ui("save.lost"));
        return 1;
    }

    private async Task<(string? What, bool Exit, bool ProbeAgain)> HandleAsync(string line, IReadOnlyList<Choice> choices, PageBuilder page, CancellationToken ct)
    {
        if (line.Length == 0)
        {
            return ("none", false, false);
        }

        var (word, rest) = line.IndexOf(' ') is var sp and > 0 ? (line[..sp].ToLowerInvariant(), line[(sp + 1)..].Trim()) : (line.ToLowerInvariant(), "");
        var askedBefore = _quitAsked;
        _quitAsked = false;
        switch (word)
        {
            case "quit" or "q" or "exit" when ctl.Save():
                console.WriteLine(page.Ui("session.saved", ctl.SessionPath, ctl.ResumeCommand));
                return ("quit", true, false);
            case "quit" or "q" or "exit" when ctl.ReadOnly || askedBefore:
                console.WriteLine(ctl.NotSavedReason ?? "");
                return ("quit", true, false);
            case "quit" or "q" or "exit":
                _ = ctl.TakeSaveWarning(); // said here in full, not again
                console.WriteLine("! " + ctl.NotSavedReason + " " + page.Ui("quit.unsaved"));
                _quitAsked = true;
                return ("quit-refused", false, false);
            case "save" or "saveas" when rest.Length > 0:
                console.WriteLine(ctl.SaveAs(rest) is { } why ? "! " + why : page.Ui("save.done", ctl.SessionPath));
                return ("save", false, false);
            case "back" or "b":
                Report(ctl.Fire(Trigger.Back), page);
                return ("back", false, false);
            case "restart":
                Report(ctl.Fire(Trigger.Restart), page);
                return ("restart", false, false);
            case "probe" or "check" when ctl.Current.Kind == NodeKind.Probe:
                return ("probe", false, true);
            case "lang" when Languages.IsKnown(rest):
                ctl.SetLanguage(rest);
                return ("lang", false, false);
            case "note" when rest.Length > 0:
                ctl.AddNote(rest);
                console.WriteLine(page.Ui("note.saved"));
                return ("note", false, false);
            case "help" or "?":
                console.WriteLine(page.Ui("plain.help"));
                return ("help", false, false);
        }

        Choice? choice = int.TryParse(line, out var n) && n >= 1 && n <= choices.Count
            ? choices[n - 1]
            : choices.FirstOrDefault(c => string.Equals(c.Id, line, StringComparison.OrdinalIgnoreCase));
        if (choice is null)
        {
            console.WriteLine(page.Ui("plain.unknown", line));
            return ("unknown", false, false);
        }

        if (ctl.FixCheckFor(choice.Id) is { } check)
        {
            console.WriteLine(page.Ui("fixcheck.running", check.Probe));
        }

        var outcome = await ctl.ChooseAsync(choice.Id, ct).ConfigureAwait(false);
        if (outcome.Message is { } message)
        {
            console.WriteLine(message);
        }

        return (outcome.Moved ? "choice" : "stay", false, false);
    }

    private void Report(string? refusal, PageBuilder page)
    {
        if (refusal is not null)
        {
            console.WriteLine(page.Ui("refused", refusal));
        }
    }
}
