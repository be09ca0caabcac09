using System.Diagnostics;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using OobWizard.Cli.Rendering;
using OobWizard.Cli.Wizard;
using OobWizard.Core.Content;
using OobWizard.Core.Engine;
using OobWizard.Core.Files;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tree;
using OobWizard.Probes;
using Spectre.Console;
using Spectre.Console.Rendering;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OobWizard.Cli.Tui;

/// <summary>
/// The full-screen wizard, one window: header (product, language, mode, target), breadcrumb, the
/// guidance, an information line (scroll position, messages, a running check's progress), the
/// answers, and a key bar. Laid out with Pos/Dim functions, so a resize (or Ctrl+L) lays out and
/// draws everything again at any size. Probes run in the background; the window stays responsive
/// and Esc (or a click on "Skip") cancels a probe at once.
/// </summary>
/// <remarks>
/// A step that could not be saved (disk full, folder turned read-only) keeps the information line
/// saying so, with <c>s</c> to save the session to another file; leaving with unsaved steps asks
/// first, and Ctrl+C or a signal saves a rescue copy instead of losing them. A read-only window
/// (--read-only, or beside another window that holds the session's lock) says so in the header and
/// asks before leaving whether to keep its steps in a new file.
/// </remarks>
public sealed class WizardWindow : Runnable
{
    private static readonly string[] Spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

    private readonly WizardController _ctl;
    private readonly TuiTheme _theme;
    private readonly TuiOptions _options;
    private readonly LineView _header;
    private readonly LineView _crumb;
    private readonly PageView _page;
    private readonly LineView _info;
    private readonly AnswerList _answers;
    private readonly LineView _keys;
    private TuiDialogs? _dialogs;
    private readonly System.Collections.Concurrent.ConcurrentQueue<Action> _posted = new();
    private BackgroundProbe? _probe;
    private string? _message;
    private string? _hint;
    private bool _started;
    private int _uiThread;
    private bool _keyHooked;
    private bool _infoIsText;

    public WizardWindow(WizardController ctl, TuiTheme theme, TuiOptions options)
    {
        _ctl = ctl;
        _theme = theme;
        _options = options;
        SetScheme(theme.Window);
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;

        _header = new LineView(theme.Header) { X = 0, Y = 0, Width = Dim.Fill() };
        _crumb = new LineView(theme.Normal) { X = 0, Y = 1, Width = Dim.Fill() };
        _page = new PageView(theme) { X = 0, Y = 2, Width = Dim.Fill(), Height = Dim.Func(_ => Math.Max(1, Viewport.Height - 3 - InfoHeight() - AnswerHeight())) };
        _info = new LineView(theme.Hint) { X = 0, Y = Pos.Func(_ => Viewport.Height - 1 - InfoHeight() - AnswerHeight()), Width = Dim.Fill(), Height = Dim.Func(_ => InfoHeight()) };
        _answers = new AnswerList(theme) { X = 0, Y = Pos.Func(_ => Viewport.Height - 1 - AnswerHeight()), Width = Dim.Fill(), Height = Dim.Func(_ => AnswerHeight()) };
        _keys = new LineView(theme.StatusText) { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill() };
        _answers.Localize = Ui;
        _answers.Chosen += (_, index) => Choose(index);
        _answers.Hint += (_, hint) =>
        {
            _hint = hint;
            UpdateInfo();
            SetNeedsLayout();
        };
        _page.Scrolled += (_, _) => UpdateInfo();
        Add(_header, _crumb, _page, _info, _answers, _keys);
    }

    /// <summary>The dialogs this window opens (tests watch them open and close).</summary>
    public TuiDialogs Dialogs => _dialogs ??= new TuiDialogs(App!, _theme);

    /// <summary>The guidance pane (tests read its laid-out lines).</summary>
    public PageView Page => _page;

    /// <summary>The answers (tests read their labels and selection).</summary>
    public AnswerList Answers => _answers;

    /// <summary>The information line's current text.</summary>
    public string InfoText => _info.Shown;

    /// <summary>The key bar's current text.</summary>
    public string KeysText => _keys.Shown;

    /// <summary>True while a probe runs in the background.</summary>
    public bool Probing => _probe is not null;

    /// <summary>The running probe's cancellation token (tests check that it reaches the probe).</summary>
    public CancellationToken ProbeToken => _probe?.Cts.Token ?? CancellationToken.None;

    /// <summary>The last message shown on the information line (a refusal, "note saved", ...).</summary>
    public string? Message => _message;

    /// <summary>Set when the user left with Ctrl+C, q or a signal; the front end prints how to resume.</summary>
    public bool Left { get; private set; }

    /// <summary>Set when the user chose to leave although the last steps could not be saved (exit code 1).</summary>
    public bool LeftUnsaved { get; private set; }

    /// <summary>
    /// Why the session file could not be written when leaving (Ctrl+C, a signal) so a rescue copy was
    /// made instead (<see cref="WizardController.SaveRescueCopy"/>), or null. The copy is then
    /// <see cref="WizardController.SessionPath"/>; when no folder took it, <see cref="RescueFailed"/>.
    /// </summary>
    public string? RescueReason { get; private set; }

    /// <summary>True when leaving found the session unsaved and no rescue folder took it either.</summary>
    public bool RescueFailed { get; private set; }

    /// <summary>Shows the controller's current step again after it was moved from outside (a jump).</summary>
    public void ShowCurrent() => ShowStep(selectPrevious: true);

    /// <summary>Save and stop now, from any state (Ctrl+C, SIGTERM, SIGHUP, the caller's cancellation).</summary>
    public void SaveAndLeave()
    {
        CancelProbe(record: false);
        if (!_ctl.Save() && !_ctl.ReadOnly && !LeftUnsaved && RescueReason is null)
        {
            // Nobody is asked on the way out (Ctrl+C, SIGTERM, SIGHUP): keep the steps in a rescue copy.
            RescueReason = _ctl.NotSavedReason;
            RescueFailed = _ctl.SaveRescueCopy() is null;
        }

        Left = true;
        if (App?.SessionStack is { } stack)
        {
            foreach (var token in stack.ToArray())
            {
                if (token.Runnable is { } runnable && !ReferenceEquals(runnable, this))
                {
                    App.RequestStop(runnable);
                }
            }
        }

        App?.RequestStop(this);
    }

    protected override void OnIsRunningChanged(bool newIsRunning)
    {
        base.OnIsRunningChanged(newIsRunning);
        if (!newIsRunning || _started)
        {
            return;
        }

        _started = true;
        _uiThread = Environment.CurrentManagedThreadId;
        if (!_keyHooked)
        {
            _keyHooked = true;
            App!.Keyboard.KeyDown += OnAnyKey;
            App.Iteration += RunPosted;
        }

        ShowStep(selectPrevious: true);
        _answers.SetFocus();
        if (_ctl.ReadOnly && _options.HeldBy is null)
        {
            Say(Ui("save.readonly", _ctl.SessionPath) + " " + Ui("tui.saveas.hint"));
        }

        if ((_options.HeldBy is not { } other || ResolveLock(other)) && _ctl.CanProbe && _ctl.EvidenceHere is null)
        {
            StartProbe(null);
        }

        if (Left)
        {
            // Left during start-up (a dialog here got Ctrl+C or "leave"): Terminal.Gui's run loop
            // clears a stop requested before it starts, so ask again from its first iteration.
            App!.AddTimeout(TimeSpan.Zero, () =>
            {
                App.RequestStop(this);
                return false;
            });
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CancelProbe(record: false);
            if (_keyHooked && App is not null)
            {
                App.Keyboard.KeyDown -= OnAnyKey;
                App.Iteration -= RunPosted;
            }
        }

        base.Dispose(disposing);
    }

    protected override void OnViewportChanged(DrawEventArgs e)
    {
        base.OnViewportChanged(e);
        if (_started)
        {
            // A resize: the breadcrumb and the lines' cut depend on the width.
            UpdateChrome();
        }
    }

    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.Esc)
        {
            if (_probe is not null)
            {
                SkipProbe();
            }
            else
            {
                Say(Ui("tui.esc"));
            }

            return true;
        }

        if (key == Key.L.WithCtrl)
        {
            Redraw();
            return true;
        }

        if (key == Key.D.WithCtrl)
        {
            SaveAndLeave();
            return true;
        }

        if (key == Key.CursorLeft || key == Key.Backspace)
        {
            Back();
            return true;
        }

        if (key == Key.PageDown || key == Key.Space)
        {
            _page.ScrollBy(Math.Max(1, _page.VisibleLines - 1));
            return true;
        }

        if (key == Key.PageUp)
        {
            _page.ScrollBy(-Math.Max(1, _page.VisibleLines - 1));
            return true;
        }

        if (key == Key.Home)
        {
            _page.ScrollTo(0);
            return true;
        }

        if (key == Key.End)
        {
            _page.ScrollTo(int.MaxValue);
            return true;
        }

        if (key == Key.CursorDown.WithShift || key == Key.CursorDown.WithCtrl)
        {
            _page.ScrollBy(1);
            return true;
        }

        if (key == Key.CursorUp.WithShift || key == Key.CursorUp.WithCtrl)
        {
            _page.ScrollBy(-1);
            return true;
        }

        if (key == Key.F1)
        {
            Help();
            return true;
        }

        var ch = key.IsCtrl || key.IsAlt || !key.AsRune.IsBmp ? '\0' : (char)key.AsRune.Value;
        switch (ch)
        {
            case 'q':
                ConfirmQuit();
                return true;
            case 'b':
                Back();
                return true;
            case 'r':
                Restart();
                return true;
            case 'l':
                Language();
                return true;
            case 'n':
                Note();
                return true;
            case 't':
                Target();
                return true;
            case 'p':
                ProbeAgain();
                return true;
            case 's':
                SaveElsewhere();
                return true;
            case 'f':
                JumpToFix();
                return true;
            case 'c':
                CopyCommands();
                return true;
            case '?' or 'h':
                Help();
                return true;
        }

        return base.OnKeyDown(key);
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the UI thread at the start of the next main-loop iteration.
    /// Background work comes back this way, not through <c>app.Invoke</c>: Terminal.Gui runs invoked
    /// actions inside its timer queue's lock, so a dialog opened from one (the password asked again)
    /// would block every other thread's Invoke (a signal handler's too) until it closed.
    /// </summary>
    public void Post(Action action) => _posted.Enqueue(action);

    private void RunPosted(object? sender, EventArgs<IApplication?> e)
    {
        while (_posted.TryDequeue(out var action))
        {
            action();
        }
    }

    // Every key, before any view: clears the last message, and Ctrl+C leaves from anywhere (also in dialogs).
    private void OnAnyKey(object? sender, Key key)
    {
        if (key == Key.C.WithCtrl)
        {
            key.Handled = true;
            SaveAndLeave();
            return;
        }

        if (_message is not null && ReferenceEquals(App?.TopRunnable, this))
        {
            _message = null;
            UpdateInfo();
            SetNeedsLayout();
        }
    }

    private string Ui(string key, params object?[] args) =>
        args.Length == 0 ? _ctl.Content.Ui(_ctl.Language, key) : _ctl.Content.UiFormat(_ctl.Language, key, args);

    private PageBuilder Builder() => new(_ctl, unicode: true, _theme.Markdown);

    // ----- the step on screen -----

    private void ShowStep(bool selectPrevious)
    {
        var builder = Builder();
        _page.Show(_ => builder.Body());
        var labels = _ctl.Choices.Select(builder.ChoiceLabel).ToList();
        if (_ctl.AtEnd)
        {
            labels.Add(Ui("menu.quit"));
        }

        var previous = selectPrevious && _ctl.PreviousAnswer(_ctl.Current.Id) is { } answer
            ? _ctl.Choices.ToList().FindIndex(c => c.Id == answer)
            : -1;
        _answers.SetAnswers(labels, previous >= 0 ? previous : null);
        _hint = null;
        UpdateChrome();
        SetNeedsLayout();
    }

    // A message (a re-check's finding, a refusal, a failed save) wraps onto as many rows as it
    // needs, so its last words are read too; only on a screen too short for it is it cut, and the
    // header, breadcrumb, three lines of guidance, two of answers and the key bar always keep their rows.
    private int InfoHeight()
    {
        if (!_infoIsText)
        {
            return 1; // the progress line or the ruler: one row, drawn to the width
        }

        var cap = Math.Max(1, Viewport.Height - 8);
        return Math.Clamp(_info.RowsNeeded(Math.Max(1, Viewport.Width)), 1, cap);
    }

    // The answers get what they need, up to two fifths of the rows (more when the page is short);
    // the guidance keeps at least three lines.
    private int AnswerHeight()
    {
        var available = Math.Max(2, Viewport.Height - 3 - InfoHeight());
        var needed = _answers.NeededLines(Math.Max(8, Viewport.Width));
        var pageLines = _page.Page.Width == Viewport.Width ? _page.Page.Count : int.MaxValue;
        var cap = Math.Max(Math.Max(3, available * 2 / 5), available - Math.Max(3, pageLines));
        return Math.Clamp(needed, 1, Math.Max(1, Math.Min(cap, available - Math.Min(3, available - 1))));
    }

    private void UpdateChrome()
    {
        var mode = _ctl.Session.Lab is not null ? Ui("tui.mode.demo") : _ctl.Session.Offline ? Ui("status.offline") : Ui("tui.mode.live");
        var right = $" {_ctl.Language} · {mode}" + (_ctl.Session.Target is { } t ? " · " + t : "") + (_ctl.ReadOnly ? " · " + Ui("tui.mode.readonly") : _ctl.NotSavedReason is not null ? " · " + Ui("tui.mode.unsaved") : "") + " ";
        _header.Set(new LineSegment(" " + Ui("app.name") + " ", _theme.Header), new LineSegment("│" + right, _theme.Header));
        var builder = Builder();
        _crumb.Set(new LineSegment(builder.Breadcrumb(Math.Max(10, Viewport.Width - 1)), _theme.Breadcrumb));
        UpdateInfo();
        UpdateKeys();
    }

    private void UpdateInfo()
    {
        // A failed save is shown by the line below for as long as it lasts; a take-over once, as a message.
        if (_ctl.TakeSaveWarning() is { } warning && _ctl.TakenOverBy is not null)
        {
            _message = warning + " " + Ui("tui.saveas.hint");
        }

        _infoIsText = false;
        if (_probe is { } run)
        {
            var elapsed = run.Clock.Elapsed.TotalSeconds;
            var frame = Spinner[(int)(run.Clock.ElapsedMilliseconds / 100) % Spinner.Length];
            var text = Ui(run.Check is null ? "tui.probe.progress" : "tui.fixcheck.progress", run.ProbeId, elapsed.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), run.Timeout.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture));
            // The way out first: on a narrow screen the elapsed time is cut, never the Skip button.
            _info.Set(
                new LineSegment("[ " + Ui("tui.skip") + " ]", _theme.StatusKey, SkipProbe),
                new LineSegment(" " + frame + " " + text, _theme.Message));
            return;
        }

        if (_message is not null)
        {
            _infoIsText = true;
            _info.Set(new LineSegment(_message, _theme.Message));
            return;
        }

        if (_hint is not null)
        {
            _infoIsText = true;
            _info.Set(new LineSegment(_hint, _theme.Message));
            return;
        }

        if (_ctl.NotSavedDetail is { } detail && !_ctl.ReadOnly)
        {
            // Until a save succeeds: the way out first (a click works too), then the OS's reason.
            _infoIsText = true;
            _info.Set(new LineSegment(Ui("save.failed.keys", detail), _theme.Message, () => SaveElsewhere()));
            return;
        }

        var total = _page.Page.Count;
        var visible = _page.VisibleLines;
        if (visible > 0 && total > visible)
        {
            var last = Math.Min(total, _page.Top + visible);
            var label = "── " + Ui("tui.scroll", _page.Top + 1, last, total) + " ";
            _info.Set(new LineSegment(label + new string('─', Math.Max(0, Viewport.Width - Terminal.Gui.Text.StringExtensions.GetColumns(label, false))), _theme.Hint));
        }
        else
        {
            _info.Set(new LineSegment(new string('─', Math.Max(0, Viewport.Width)), _theme.Hint));
        }
    }

    private void UpdateKeys()
    {
        // (key, label, action, rank): shown in this order, but when the width is short the keys of the
        // highest rank go first (restart, note, copy), so the way to answer, go back, check again,
        // get help, leave, switch language and target stay (in German at 80 columns, l and t were cut).
        var items = new List<(string Key, string Label, Action Action, int Rank)>();
        var unsaved = _ctl.NotSavedReason is not null && !_ctl.ReadOnly;
        if (unsaved)
        {
            items.Add(("s", Ui("tui.key.saveas"), () => SaveElsewhere(), 0)); // the way out of a failed save comes first
        }

        if (_probe is not null)
        {
            items.Add(("Esc", Ui("tui.key.skip"), SkipProbe, 0));
        }
        else
        {
            items.Add(("Enter", Ui("tui.key.choose"), () => { if (_answers.Selected is { } s) { Choose(s); } }, 1));
            items.Add(("←", Ui("tui.key.back"), Back, 2));
            if (_ctl.Current.Kind == NodeKind.Diagnosis)
            {
                items.Add(("f", Ui("tui.key.fix"), JumpToFix, 4));
            }

            if (Commands().Count > 0)
            {
                items.Add(("c", Ui("tui.key.copy"), CopyCommands, 9));
            }

            if (_ctl.CanProbe)
            {
                items.Add(("p", Ui("tui.key.probe"), ProbeAgain, 3));
            }
        }

        items.Add(("?", Ui("tui.key.help"), Help, 5));
        items.Add(("q", Ui("tui.key.quit"), ConfirmQuit, 5));
        if (_ctl.ReadOnly)
        {
            items.Add(("s", Ui("tui.key.saveas"), () => SaveElsewhere(), 6));
        }

        if (_probe is null)
        {
            items.Add(("n", Ui("tui.key.note"), Note, 10));
            items.Add(("l", Ui("tui.key.lang"), Language, 7));
            items.Add(("t", Ui("tui.key.target"), Target, 8));
            items.Add(("r", Ui("tui.key.restart"), Restart, 11));
        }

        // Each key costs its text, a space and the label with a space after it; whatever does not fit
        // the width is left out, highest rank first (all keys are in the help).
        static int Cost((string Key, string Label, Action Action, int Rank) item) =>
            Terminal.Gui.Text.StringExtensions.GetColumns(item.Key + item.Label, false) + 2;
        var width = Math.Max(1, Viewport.Width);
        var shown = items.ToList();
        while (shown.Count > 1 && shown.Sum(Cost) > width)
        {
            var drop = shown.Where(i => i.Rank == shown.Max(x => x.Rank)).Last();
            shown.Remove(drop);
        }

        var segments = new List<LineSegment>();
        var used = 0;
        foreach (var item in shown)
        {
            if (used + Cost(item) > width)
            {
                break; // a single key wider than the screen
            }

            segments.Add(new LineSegment(item.Key, _theme.StatusKey, item.Action));
            segments.Add(new LineSegment(" " + item.Label + " ", _theme.StatusText, item.Action));
            used += Cost(item);
        }

        _keys.Set(segments);
    }

    private void Say(string message)
    {
        _message = message;
        UpdateInfo();
        SetNeedsLayout();
    }

    private void Redraw()
    {
        if (App is { } app)
        {
            app.ClearScreenNextIteration = true;
        }

        UpdateChrome();
        _page.Refresh();
        SetNeedsLayout();
        SetNeedsDraw();
    }

    // ----- moving -----

    private void Choose(int index)
    {
        if (_ctl.AtEnd)
        {
            if (index >= _ctl.Choices.Count)
            {
                Leave(confirm: false);
            }

            return;
        }

        if (_probe is not null)
        {
            // Answering the manual question while a check runs: the answer wins, the check is dropped.
            CancelProbe(record: true);
        }

        var choice = _ctl.Choices[index];
        if (_ctl.FixCheckFor(choice.Id) is { } check)
        {
            StartProbe(check);
            return;
        }

        if (_ctl.Fire(Trigger.Choose(choice.Id)) is { } refusal)
        {
            Say(Ui("refused", refusal));
            return;
        }

        Arrived();
    }

    // After a move: show the step, and run its check when it is one.
    private void Arrived()
    {
        ShowStep(selectPrevious: false);
        if (_ctl.CanProbe)
        {
            StartProbe(null);
        }
    }

    private void Back()
    {
        CancelProbe(record: true);
        if (_ctl.Fire(Trigger.Back) is { } refusal)
        {
            Say(Ui("refused", refusal));
            return;
        }

        // Back never re-runs a check; the page shows what it found last time, and the answer given before is highlighted.
        ShowStep(selectPrevious: true);
    }

    private void Restart()
    {
        if (!Dialogs.Confirm(Ui("dlg.restart.title"), Ui("dlg.restart.text"), Ui("dlg.yes"), Ui("dlg.no")))
        {
            return;
        }

        CancelProbe(record: true);
        _ctl.Fire(Trigger.Restart);
        Arrived();
    }

    private void ProbeAgain()
    {
        if (_probe is null && _ctl.CanProbe)
        {
            StartProbe(null);
        }
    }

    // ----- probes in the background -----

    private void StartProbe(FixCheck? check)
    {
        CancelProbe(record: false);
        var probeId = check?.Probe ?? _ctl.Current.Probe!;
        ProbeContext context;
        try
        {
            // May ask for the AMT password (a dialog), so this runs here on the UI thread.
            context = _ctl.CreateProbeContext();
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Left)
        {
            return;
        }

        var run = new BackgroundProbe(probeId, _ctl.Current.Id, check, context, new CancellationTokenSource(), Stopwatch.StartNew());
        _probe = run;
        run.Task = Task.Run(() => _ctl.ProbeAsync(probeId, context, run.Cts.Token));
        run.Task.ContinueWith(t => Post(() => ProbeFinished(run, t)), TaskScheduler.Default);
        run.Timer = App!.AddTimeout(TimeSpan.FromMilliseconds(100), () =>
        {
            if (_probe != run)
            {
                return false;
            }

            UpdateInfo();
            return true;
        });
        UpdateInfo();
        UpdateKeys();
    }

    private void ProbeFinished(BackgroundProbe run, Task<ProbeResult> task)
    {
        if (_probe != run)
        {
            return; // skipped or replaced meanwhile: its result is not used
        }

        StopTimer(run);
        _probe = null;
        run.Cts.Dispose();
        var result = task.IsCompletedSuccessfully
            ? task.Result
            : task.Exception?.InnerException?.Message is { } failed
                ? ProbeResult.Error(run.ProbeId, failed).Keyed("probe.failed-message", failed)
                : ProbeResult.Error(run.ProbeId, "cancelled").Keyed("probe.cancelled");
        if (run.Check is { } check)
        {
            var outcome = _ctl.ApplyFixCheck(check, result);
            if (outcome.Moved)
            {
                Arrived();
            }
            else
            {
                UpdateChrome();
            }

            if (outcome.Message is { } m)
            {
                Say(m);
            }

            return;
        }

        var before = _ctl.Current.Id;
        _ctl.ApplyProbe(run.NodeId, result, run.Context);
        if (_ctl.PasswordRefused)
        {
            // AMT refused the password: it is never sent again; offer to type it again (Esc: go on without).
            var again = Dialogs.Prompt(
                Ui("dlg.password.title"),
                Ui("password.refused", _ctl.RefusedUser) + "\n" + Ui("tui.password.again"),
                "",
                Ui("dlg.ok"),
                Ui("dlg.cancel"),
                secret: true);
            if (!string.IsNullOrEmpty(again) && !Left)
            {
                _ctl.UsePassword(again);
                StartProbe(null);
                return;
            }

            _ctl.DeclinePasswordRetry();
        }

        if (_ctl.Current.Id != before)
        {
            Arrived(); // chained: the next step may be a check too
        }
        else
        {
            ShowStep(selectPrevious: true);
            if (_ctl.AutomaticMoveRefused is { } why)
            {
                // Too many verdicts in a row (content that loops): stop probing and ask the question here.
                Say(Ui("refused", why));
            }
        }
    }

    private void SkipProbe()
    {
        if (_probe is null)
        {
            return;
        }

        var check = _probe.Check;
        CancelProbe(record: true);
        ShowStep(selectPrevious: true);
        Say(Ui(check is null ? "tui.probe.skipped" : "tui.fixcheck.skipped"));
    }

    private void CancelProbe(bool record)
    {
        if (_probe is not { } run)
        {
            return;
        }

        _probe = null;
        StopTimer(run);
        run.Cts.Cancel();
        if (record)
        {
            _ctl.RecordSkipped(run.ProbeId);
        }

        UpdateInfo();
        UpdateKeys();
    }

    private void StopTimer(BackgroundProbe run)
    {
        if (run.Timer is { } timer)
        {
            App?.RemoveTimeout(timer);
            run.Timer = null;
        }
    }

    // ----- commands -----

    /// <summary>Asks for the AMT password in a masked dialog (Esc: none; those checks are then asked by hand).</summary>
    public string? AskPassword(string user, string? target) => OnUiThread(() =>
        Dialogs.Prompt(
            Ui("dlg.password.title"),
            Ui("dlg.password.text", user, target ?? _ctl.Session.Target ?? "?"),
            "",
            Ui("dlg.ok"),
            Ui("dlg.cancel"),
            secret: true));

    /// <summary>Asks for the LDAP password of <c>--ldap-user</c> in a masked dialog (Esc or empty: bind anonymously).</summary>
    public string? AskLdapPassword(string user) => OnUiThread(() =>
        Dialogs.Prompt(Ui("dlg.ldap.title"), Ui("dlg.ldap.text", user), "", Ui("dlg.ok"), Ui("dlg.cancel"), secret: true));

    /// <summary>Asks for a PFX file's password in a masked dialog (Esc: none; the certificate check then says it could not open it).</summary>
    public string? AskPfxPassword(string file) => OnUiThread(() =>
        Dialogs.Prompt(Ui("dlg.pfx.title"), Ui("dlg.pfx.text", file), "", Ui("dlg.ok"), Ui("dlg.cancel"), secret: true));

    // A password can be asked from a probe on a background thread (a PFX opened on first use): the
    // dialog runs on the UI thread and that thread waits for it. Null when the window has gone.
    private string? OnUiThread(Func<string?> ask)
    {
        if (!_started || Environment.CurrentManagedThreadId == _uiThread)
        {
            return Left ? null : ask();
        }

        string? answer = null;
        using var done = new ManualResetEventSlim();
        Post(() =>
        {
            try
            {
                answer = Left ? null : ask();
            }
            finally
            {
                done.Set();
            }
        });
        while (!done.Wait(TimeSpan.FromMilliseconds(200)))
        {
            if (Left && App?.TopRunnable is null)
            {
                return null;
            }
        }

        return answer;
    }

    // Another window holds the session: read-only, take over, or leave. False when leaving.
    private bool ResolveLock(Core.Sessions.SessionLockHolder other)
    {
        var answer = Dialogs.Ask(Ui("dlg.lock.title"), Ui("dlg.lock.text", Localization.ErrorText.Holder(other, Ui)), Ui("dlg.lock.quit"), Ui("dlg.lock.readonly"), Ui("dlg.lock.takeover"));
        switch (answer)
        {
            case 2:
                TryRun(_ctl.TakeOverLock);
                UpdateChrome();
                return true;
            case 1:
                _ctl.OpenReadOnly();
                UpdateChrome();
                return true;
            default:
                _ctl.OpenReadOnly(); // nothing of this window reaches the file
                Left = true;
                return false;
        }
    }

    private void ConfirmQuit() => Leave(confirm: true);

    // q, or "leave" at the end. Saved: asks (q) and leaves. Read-only: says so, offers "save as". A save
    // that failed: never leaves silently; asks to save to another file, or to leave without the last steps.
    private void Leave(bool confirm)
    {
        if (_ctl.Save())
        {
            if (!confirm || Dialogs.Confirm(Ui("dlg.quit.title"), Ui("dlg.quit.text", _ctl.ResumeCommand), Ui("dlg.yes"), Ui("dlg.no")))
            {
                SaveAndLeave();
            }

            return;
        }

        if (_ctl.ReadOnly)
        {
            switch (Dialogs.Ask(Ui("dlg.quit.title"), _ctl.NotSavedReason + "\n" + Ui("dlg.quit.readonly"), Ui("dlg.no"), Ui("dlg.saveas.button"), Ui("dlg.yes")))
            {
                case 2:
                    SaveAndLeave();
                    break;
                case 1 when SaveElsewhere():
                    SaveAndLeave();
                    break;
            }

            return;
        }

        switch (Dialogs.Ask(Ui("dlg.quit.title"), _ctl.NotSavedReason + "\n" + Ui("dlg.quit.unsaved"), Ui("dlg.quit.stay"), Ui("dlg.quit.lose"), Ui("dlg.saveas.button")))
        {
            case 2 when SaveElsewhere():
                SaveAndLeave();
                break;
            case 1:
                LeftUnsaved = true;
                SaveAndLeave();
                break;
        }
    }

    /// <summary>
    /// s: saves the session to a new file (a file that exists is never replaced), which from then on
    /// takes every step. True when saved; a refusal is said in the dialog, which stays open for another name.
    /// </summary>
    private bool SaveElsewhere()
    {
        var suggestion = Path.Combine(_options.CurrentDirectory, $"oobwizard-{_ctl.Session.Id}.json");
        var text = Ui("dlg.saveas.text");
        while (Dialogs.Prompt(Ui("dlg.saveas.title"), text, suggestion, Ui("dlg.save"), Ui("dlg.cancel")) is { } typed
            && typed.Trim() is { Length: > 0 } path)
        {
            if (_ctl.SaveAs(Path.GetFullPath(path, _options.CurrentDirectory)) is { } refusal)
            {
                text = refusal + "\n" + Ui("dlg.saveas.text");
                suggestion = path;
                continue;
            }

            UpdateChrome();
            Say(Ui("save.done", _ctl.SessionPath));
            return true;
        }

        return false;
    }

    private void Language()
    {
        var all = Languages.All.ToList();
        var names = all.Select(l => Ui("lang." + l)).ToList();
        if (Dialogs.Pick(Ui("dlg.lang.title"), Ui("dlg.lang.text"), names, all.IndexOf(_ctl.Language), Ui("dlg.cancel")) is { } pick && all[pick] != _ctl.Language)
        {
            _ctl.SetLanguage(all[pick]);
            var selected = _answers.Selected;
            ShowStep(selectPrevious: false);
            if (selected is { } s)
            {
                _answers.Select(s);
            }
        }
    }

    private void Note()
    {
        var notes = _ctl.Session.Notes;
        var earlier = notes.Count == 0
            ? Ui("dlg.note.none")
            : string.Join("\n", notes.Select(n => "• " + n.Text));
        if (Dialogs.Prompt(Ui("dlg.note.title"), Ui("dlg.note.text"), "", Ui("dlg.save"), Ui("dlg.cancel"), below: Ui("dlg.note.earlier") + "\n" + earlier) is { } text
            && !string.IsNullOrWhiteSpace(text))
        {
            _ctl.AddNote(text.Trim());
            Say(Ui("note.saved"));
        }
    }

    private void Target()
    {
        var text = _ctl.Session.Offline ? Ui("dlg.target.offline") : Ui("dlg.target.text", _ctl.Session.Target ?? "-");
        if (Dialogs.Prompt(Ui("dlg.target.title"), text, _ctl.Session.Target ?? "", Ui("dlg.ok"), Ui("dlg.cancel")) is { } target
            && target.Trim() is { Length: > 0 } host)
        {
            if (!TargetSpec.TryParse(host, out _, out var error))
            {
                Say(Ui("tui.target.bad", host) + ": " + error);
                return;
            }

            CancelProbe(record: true);
            _ctl.SwitchTarget(host);
            UpdateChrome();
            Say(Ui("tui.target.switched", host));
            if (_ctl.CanProbe)
            {
                StartProbe(null);
            }
        }
    }

    private void Help() => Dialogs.Show(Ui("dlg.help.title"), HelpTable(Ui("tui.help")), Ui("dlg.close"));

    // "keys   what they do" lines as two columns, so a description wraps under itself in a narrow dialog.
    private static IRenderable HelpTable(string help)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn(new GridColumn());
        var rows = new List<IRenderable>();
        foreach (var line in help.TrimEnd().Split('\n'))
        {
            var split = System.Text.RegularExpressions.Regex.Match(line, @"^(\S.*?)\s{2,}(\S.*)$");
            if (split.Success)
            {
                grid.AddRow(new Spectre.Console.Text(split.Groups[1].Value, new Style(decoration: Decoration.Bold)), CjkText.Append(new Paragraph(), split.Groups[2].Value, Style.Plain));
            }
            else
            {
                if (grid.Rows.Count > 0)
                {
                    rows.Add(grid);
                    grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn(new GridColumn());
                }

                rows.Add(CjkText.Append(new Paragraph(), line, Style.Plain));
            }
        }

        if (grid.Rows.Count > 0)
        {
            rows.Add(grid);
        }

        return new Rows(rows);
    }

    private void JumpToFix()
    {
        var heading = FixHeading();
        if (heading is null || _page.FindLine(l => l.TrimStart().StartsWith(heading, StringComparison.Ordinal)) is not { } line)
        {
            Say(Ui("tui.fix.none"));
            return;
        }

        _page.ScrollTo(line);
    }

    // The text of the heading with the id "fix" in the current page's Markdown, or null.
    private string? FixHeading()
    {
        var doc = MarkdownSupport.Parse(_ctl.CurrentText.Body);
        var block = doc.Descendants<HeadingBlock>().FirstOrDefault(h => h.TryGetAttributes()?.Id == "fix");
        if (block?.Inline is null)
        {
            return null;
        }

        var text = string.Concat(block.Inline.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString()))
            + string.Concat(block.Inline.Descendants<Markdig.Syntax.Inlines.CodeInline>().Select(c => c.Content));
        text = text.Trim();
        return text.Length == 0 ? null : text.Length > 12 ? text[..12] : text;
    }

    /// <summary>The code blocks of the current page: the commands to copy.</summary>
    public IReadOnlyList<string> Commands() =>
        MarkdownSupport.Parse(_ctl.CurrentText.Body).Descendants<CodeBlock>()
            .Select(b => string.Join("\n", b.Lines.Lines.Take(b.Lines.Count).Select(l => l.ToString())).TrimEnd())
            .Where(t => t.Length > 0)
            .ToList();

    private void CopyCommands()
    {
        var commands = Commands();
        if (commands.Count == 0)
        {
            Say(Ui("tui.copy.none"));
            return;
        }

        var text = string.Join("\n\n", commands) + "\n";
        var lines = text.Count(c => c == '\n');
        var copied = _options.Clipboard.Copy(App!, text);
        var said = copied ? Ui("dlg.copy.copied", lines) : Ui("dlg.copy.nocopy");
        var suggested = Path.Combine(_options.CurrentDirectory, $"oobwizard-{_ctl.Current.Id}-commands.txt");
        if (Dialogs.Prompt(Ui("dlg.copy.title"), said + "\n" + Ui("dlg.copy.file"), suggested, Ui("dlg.copy.write"), Ui("dlg.close")) is not { } path
            || path.Trim().Length == 0)
        {
            Say(said);
            return;
        }

        path = Path.GetFullPath(path.Trim(), _options.CurrentDirectory);
        if (SessionStore.Inspect(path) == SessionFileState.Session)
        {
            Say(Ui("dlg.copy.session", path));
            return;
        }

        var exists = File.Exists(path);
        if (exists && !Dialogs.Confirm(Ui("dlg.copy.exists.title"), Ui("dlg.copy.exists", path), Ui("dlg.copy.overwrite"), Ui("dlg.cancel")))
        {
            Say(Ui("dlg.copy.kept", path));
            return;
        }

        try
        {
            AtomicFile.WriteAllText(path, text, exists ? ExistingFile.Replace : ExistingFile.Refuse);
            Say(Ui("dlg.copy.written", path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Say(Ui("dlg.copy.failed", path, Localization.ErrorText.WriteFailure(ex)));
        }
    }

    // Taking a session over writes its lock file: a folder that refuses it is said on the information line.
    private void TryRun(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _message = Ui("tui.save.failed", AtomicFile.Reason(ex));
        }
    }
}
