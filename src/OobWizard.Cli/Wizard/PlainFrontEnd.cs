using OobWizard.Core.Content;
using OobWizard.Core.Engine;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tree;
using Spectre.Console;

namespace OobWizard.Cli.Wizard;

/// <summary>
/// Line mode for scripts, screen readers and bad links: no ANSI, no cursor movement. Prints each
/// step with numbered choices and reads one line per answer. EOF saves and exits cleanly.
/// </summary>
public sealed class PlainFrontEnd(WizardController ctl, IAnsiConsole console, TextReader input, Func<string, string?>? readSecret = null, SessionLockHolder? heldBy = null)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var autoProbe = true;
        var redraw = true;
        var page = new PageBuilder(ctl, unicode: false);
        if (heldBy is not null && !ResolveLock(heldBy, page))
        {
            return 0;
        }

        while (true)
        {
            if (ctl.TakenOverBy is { } other)
            {
                console.WriteLine(page.Ui("session.taken-over", other.Describe()));
                return 0;
            }

            if (autoProbe && ctl.CanProbe)
            {
                console.WriteLine(page.Ui("probe.running", ctl.Current.Probe));
                var before = ctl.Current.Id;
                await ctl.RunProbeAsync(ct).ConfigureAwait(false);
                await OfferPasswordAsync(page, ct).ConfigureAwait(false);
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
                ctl.Save();
                console.WriteLine();
                console.WriteLine(Saved(page));
                return 0;
            }

            var (handled, exit, probeAgain) = await HandleAsync(line.Trim(), choices, page, ct).ConfigureAwait(false);
            if (exit)
            {
                return 0;
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

    private string Saved(PageBuilder page) =>
        ctl.ReadOnly ? page.Ui("session.readonly", ctl.SessionPath) : page.Ui("session.saved", ctl.SessionPath, ctl.ResumeCommand);

    // Another window has the session open: read-only (r), take over (t), or leave (anything else).
    private bool ResolveLock(SessionLockHolder other, PageBuilder page)
    {
        console.WriteLine(page.Ui("plain.lock", other.Describe()));
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

    private async Task<(string? What, bool Exit, bool ProbeAgain)> HandleAsync(string line, IReadOnlyList<Choice> choices, PageBuilder page, CancellationToken ct)
    {
        if (line.Length == 0)
        {
            return ("none", false, false);
        }

        var (word, rest) = line.IndexOf(' ') is var sp and > 0 ? (line[..sp].ToLowerInvariant(), line[(sp + 1)..].Trim()) : (line.ToLowerInvariant(), "");
        switch (word)
        {
            case "quit" or "q" or "exit":
                ctl.Save();
                console.WriteLine(Saved(page));
                return ("quit", true, false);
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
