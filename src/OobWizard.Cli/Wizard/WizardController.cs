using OobWizard.Core.Content;
using OobWizard.Core.Engine;
using OobWizard.Core.Files;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tree;
using OobWizard.Probes;

namespace OobWizard.Cli.Wizard;

/// <summary>
/// Glue between a front end and the pure engine: fires triggers, runs probes, and saves the
/// session after every change so a dropped connection never loses a step. Shared by the
/// full-screen and the plain front end, so both re-check a fix and honour the session lock alike.
/// </summary>
/// <remarks>
/// Saving never throws. When a save fails (disk full, the folder or the file turned read-only) the
/// session stays in memory, the file on disk keeps the last step that was saved, and the front end
/// learns it through the save API: <see cref="TakeSaveWarning"/> (one line to show once, after the
/// step that could not be saved), <see cref="NotSavedReason"/> (non-null while the file lags behind
/// memory; ask before leaving), <see cref="SaveAs"/> (save to another, new file, which then becomes
/// <see cref="SessionPath"/>). A read-only controller (<c>--read-only</c>) writes nothing until
/// <see cref="SaveAs"/> is used.
/// </remarks>
public sealed class WizardController
{
    private readonly ProbeRunner _probes;
    private readonly Func<ProbeContext> _probeContext;
    private readonly IClock _clock;
    private readonly Dictionary<string, string> _lastAnswers = new(StringComparer.Ordinal);
    private SessionLock? _lock;
    private SessionLockHolder? _me;
    private Func<int, bool>? _isRunning;
    private string? _password;
    private bool _declined;
    private (ProbeResult Result, string Node, string User)? _refusal;
    private readonly Action<string, Session> _save;
    private string? _warning;

    /// <param name="save">Writes the session to a path; <see cref="SessionStore.Save"/> unless a test injects a failing disk.</param>
    public WizardController(ContentSet content, Session session, string sessionPath, ProbeRunner probes, Func<ProbeContext> probeContext, IClock clock, bool readOnly = false, Action<string, Session>? save = null)
    {
        Content = content;
        Session = session;
        SessionPath = sessionPath;
        _probes = probes;
        _probeContext = probeContext;
        _clock = clock;
        ReadOnly = readOnly;
        _save = save ?? SessionStore.Save;
        foreach (var step in session.State.Steps.Where(s => s.Trigger.Kind == TriggerKind.Choice))
        {
            _lastAnswers[step.From] = step.Trigger.Value!;
        }
    }

    public ContentSet Content { get; }

    public Session Session { get; }

    /// <summary>The file the session is saved to (changes after a successful <see cref="SaveAs"/>).</summary>
    public string SessionPath { get; private set; }

    /// <summary>Null when <see cref="SessionPath"/> holds every step; else one line saying why it does not (a failed save, or read-only).</summary>
    public string? NotSavedReason { get; private set; }

    /// <summary>The bare reason of the last failed save (the OS's words, "No space left on device"), for a status line too short for <see cref="NotSavedReason"/>.</summary>
    public string? NotSavedDetail { get; private set; }

    public string Language => Session.Language;

    public Node Current => Content.Tree[Session.State.Current];

    public NodeText CurrentText => Content.Text(Language, Current.Id);

    public IReadOnlyList<Choice> Choices => WizardEngine.AvailableChoices(Content.Tree, Session.State);

    public bool AtEnd => Current.Kind == NodeKind.End;

    /// <summary>
    /// True when this window writes nothing to <see cref="SessionPath"/>: opened with --read-only,
    /// opened read-only beside another window that holds the session's lock, or another window took
    /// the session over. Steps still move on screen and stay in memory; <see cref="NotSavedReason"/>
    /// says why they are not saved, and <see cref="SaveAs"/> a new file makes the session writable
    /// there (with a lock of its own).
    /// </summary>
    public bool ReadOnly { get; private set; }

    /// <summary>Who took the session over while this window had it (null while it is ours).</summary>
    public SessionLockHolder? TakenOverBy { get; private set; }

    /// <summary>How to continue this session later: a demo session resumes into a fresh lab.</summary>
    public string ResumeCommand => (Session.Lab is not null ? "oobwizard demo --resume " : "oobwizard --resume ") + SessionPath;

    /// <summary>
    /// Takes the session's lock file for this process (checked before every save); returns who
    /// holds it instead when another live window does. <paramref name="isRunning"/> tells whether
    /// a process id on this host is alive (a lock left by a dead process is replaced).
    /// </summary>
    /// <exception cref="IOException">the lock file cannot be written (a read-only folder).</exception>
    public SessionLockHolder? AcquireLock(SessionLockHolder me, Func<int, bool> isRunning)
    {
        _me = me;
        _isRunning = isRunning;
        _lock = SessionLock.TryAcquire(SessionPath, me, isRunning, out var heldBy);
        return _lock is null ? heldBy : null;
    }

    /// <summary>The user chose "take over" at a held lock: this window writes the session from now on; the other one stops.</summary>
    public void TakeOverLock()
    {
        _lock = SessionLock.TakeOver(SessionPath, _me ?? throw new InvalidOperationException("AcquireLock first"));
        ReadOnly = false;
        TakenOverBy = null;
        Save();
    }

    /// <summary>Shows the session without ever writing it (the user chose "read-only" at a held lock).</summary>
    public void OpenReadOnly() => ReadOnly = true;

    /// <summary>Removes the lock file if it is still this window's.</summary>
    public void ReleaseLock()
    {
        _lock?.Dispose();
        _lock = null;
    }

    /// <summary>The probe evidence that led to the current node (when the last step was a verdict), else null.</summary>
    public ProbeEvidence? ArrivalEvidence =>
        Session.State.Steps.Count > 0 && Session.State.Steps[^1].Trigger.Kind == TriggerKind.Verdict
            ? Session.Evidence.LastOrDefault(e => e.Node == Session.State.Steps[^1].From)
            : null;

    /// <summary>The latest probe evidence gathered at the current node (the last run of its check).</summary>
    public ProbeEvidence? EvidenceHere => Session.Evidence.LastOrDefault(e => e.Node == Current.Id && e.Probe == Current.Probe);

    /// <summary>
    /// True when the latest check here decided (its verdict has a branch): coming back to it with
    /// Back shows that result, not "the check could not decide".
    /// </summary>
    public bool EvidenceHereDecided => EvidenceHere is { } e && e.Outcome is "pass" or "finding" && Current.Verdicts.ContainsKey(e.Verdict);

    /// <summary>Where the latest decided check here led (the node its verdict maps to), or null.</summary>
    public string? EvidenceHereLeadsTo => EvidenceHereDecided ? Current.Verdicts[EvidenceHere!.Verdict] : null;

    public bool CanProbe => Current.Kind == NodeKind.Probe && !Session.Offline;

    /// <summary>The answer given at <paramref name="nodeId"/> the last time (kept across Back), or null.</summary>
    public string? PreviousAnswer(string nodeId) => _lastAnswers.GetValueOrDefault(nodeId);

    /// <summary>Fires a trigger; returns the refusal reason, or null when it moved. Saves on success.</summary>
    public string? Fire(Trigger trigger)
    {
        var t = WizardEngine.Fire(Content.Tree, Session.State, trigger);
        if (!t.Accepted)
        {
            return t.Refusal;
        }

        if (trigger.Kind == TriggerKind.Choice)
        {
            _lastAnswers[Session.State.Current] = trigger.Value!;
        }

        Session.Apply(t, trigger, _clock);
        Save();
        return null;
    }

    public void SetLanguage(string language)
    {
        Session.Language = language;
        Session.Record("language:" + language, _clock);
        Save();
    }

    public void AddNote(string text)
    {
        Session.Notes.Add(new SessionNote(Current.Id, text, _clock.Now));
        Session.Record("note", _clock);
        Save();
    }

    /// <summary>
    /// Points the session at another AMT computer (or takes an offline session live); recorded in
    /// the history. Checks run against it from the next probe on.
    /// </summary>
    public void SwitchTarget(string target)
    {
        var before = Session.Target;
        Session.Target = target;
        Session.Offline = false;
        Session.Record($"target: {before ?? "-"} -> {target}", _clock);
        Save();
    }

    /// <summary>
    /// Runs the current node's probe. When its verdict has a branch, moves along it and returns
    /// the result; otherwise stays (the manual question is asked) and returns the result too.
    /// </summary>
    public Task<ProbeResult> RunProbeAsync(CancellationToken ct) => RunProbeAsync(CreateProbeContext(), ct);

    /// <summary>Builds the probe context; may ask for the AMT password, so call it on the UI thread, outside any live display.</summary>
    public ProbeContext CreateProbeContext()
    {
        var context = _probeContext();
        // The session's target wins when the context was not built from it: a resumed session
        // without --target, or a target switched in the wizard. (--target host:port or a URL is
        // parsed the way --target is.)
        if (Session.Target is { } target && TargetSpec.TryParse(target, out var spec, out _) && spec!.Host != context.Target)
        {
            context = context.With(target: spec.Host, httpPort: spec.HttpPort, tlsPort: spec.TlsPort, useTls: spec.Tls ? true : null);
        }

        return _password is null ? context : context.With(password: _password);
    }

    /// <summary>
    /// True after a probe whose password AMT refused (HTTP 401): the wizard did not move on, so the front end can
    /// offer to enter the password again (<see cref="UsePassword"/> and run the probe again) or go on without it
    /// (<see cref="DeclinePasswordRetry"/>). The refused password is never sent again in this run.
    /// </summary>
    public bool PasswordRefused => _refusal is not null;

    /// <summary>The AMT user whose password was refused (for the prompt), or null.</summary>
    public string? RefusedUser => _refusal?.User;

    /// <summary>Takes a re-entered password (kept in memory only, for the rest of the run) for the next probe.</summary>
    public void UsePassword(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        _password = password;
        _declined = false;
        _refusal = null;
    }

    /// <summary>Runs the current probe again with <paramref name="password"/> (kept in memory only, for the rest of the run).</summary>
    public Task<ProbeResult> RetryWithPasswordAsync(string password, CancellationToken ct)
    {
        UsePassword(password);
        return RunProbeAsync(CreateProbeContext(), ct);
    }

    /// <summary>Goes on without a new password: the refused probe's verdict is followed, or its manual question asked.</summary>
    public void DeclinePasswordRetry()
    {
        if (_refusal is not { } refusal)
        {
            return;
        }

        _refusal = null;
        _declined = true;
        FollowVerdict(refusal.Result, refusal.Node);
    }

    public async Task<ProbeResult> RunProbeAsync(ProbeContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var node = Current.Id;
        var result = await ProbeAsync(Current.Probe!, context, ct).ConfigureAwait(false);
        ApplyProbe(node, result, context);
        return result;
    }

    /// <summary>
    /// Runs a probe and returns what it found without touching the session, so a front end can run
    /// it in the background and apply the result on its own thread (<see cref="ApplyProbe"/>).
    /// </summary>
    public Task<ProbeResult> ProbeAsync(string probeId, ProbeContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Each step looks afresh (a fix made meanwhile must show); refused passwords stay refused for the run.
        context.Run.Refresh();
        return _probes.RunAsync(probeId, context, ct);
    }

    /// <summary>
    /// Records a probe result taken at <paramref name="nodeId"/> with <paramref name="context"/> and
    /// follows its verdict when the node maps it (see <see cref="AutomaticMoveRefused"/> when the
    /// engine refuses the move). Holds the step when AMT refused the password (the front end offers
    /// to enter it again). Ignored (false) when the wizard has left that node meanwhile.
    /// </summary>
    public bool ApplyProbe(string nodeId, ProbeResult result, ProbeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Current.Id != nodeId)
        {
            return false;
        }

        Record(nodeId, result);
        AutomaticMoveRefused = null;
        if (!_declined && !string.IsNullOrEmpty(context.Password) && context.Run.Credentials.IsRefused(context.User, context.Password))
        {
            // Hold the step: a typo must not lead to "another management solution owns it". The front end asks.
            _refusal = (result, nodeId, context.User);
            Save();
            return true;
        }

        FollowVerdict(result, nodeId);
        return true;
    }

    private void FollowVerdict(ProbeResult result, string nodeId)
    {
        var node = Content.Tree[nodeId];
        AutomaticMoveRefused = null;
        if (Current.Id == nodeId && result.Outcome is ProbeOutcome.Pass or ProbeOutcome.Finding && node.Verdicts.ContainsKey(result.Verdict))
        {
            // Refused only when too many verdicts came in a row (content whose probes lead round in a loop):
            // then the wizard stays and asks the manual question.
            AutomaticMoveRefused = Fire(Trigger.Verdict(result.Verdict));
            if (AutomaticMoveRefused is not null)
            {
                Session.Record($"refused verdict:{result.Verdict}: {AutomaticMoveRefused}", _clock);
                Save();
            }
        }
        else
        {
            Save();
        }
    }

    /// <summary>Notes in the history that the user skipped a running probe (the report shows why a check is missing).</summary>
    public void RecordSkipped(string probeId)
    {
        Session.Record($"probe {probeId}: skipped by the user", _clock);
        Save();
    }

    /// <summary>
    /// What "fixed" at the current diagnosis must check first: the probe whose verdict led here,
    /// when that step was a live verdict and the session is live; null when nothing needs re-checking.
    /// </summary>
    public FixCheck? FixCheckFor(string choiceId)
    {
        if (choiceId != Node.FixedChoice || Current.Kind != NodeKind.Diagnosis || Session.Offline || Session.State.Steps.Count == 0)
        {
            return null;
        }

        var arrival = Session.State.Steps[^1];
        return arrival.Trigger.Kind == TriggerKind.Verdict && Content.Tree.Find(arrival.From)?.Probe is { } probe
            ? new FixCheck(Current.Id, probe, arrival.Trigger.Value!)
            : null;
    }

    /// <summary>
    /// Answers at the current node; "fixed" at a diagnosis a live probe found re-runs that probe
    /// first and is refused (the wizard stays) while the probe still finds the fault.
    /// </summary>
    public async Task<ChoiceOutcome> ChooseAsync(string choiceId, CancellationToken ct)
    {
        if (FixCheckFor(choiceId) is { } check)
        {
            var result = await ProbeAsync(check.Probe, CreateProbeContext(), ct).ConfigureAwait(false);
            return ApplyFixCheck(check, result);
        }

        return Fire(Trigger.Choose(choiceId)) is { } refusal ? ChoiceOutcome.Refused(Content.UiFormat(Language, "refused", refusal)) : ChoiceOutcome.MovedOn;
    }

    /// <summary>
    /// Applies a re-check's result: the same verdict as before means the fault is still there (stay,
    /// say so); any other decided verdict accepts "fixed"; a check that could not run accepts the
    /// user's word and says it was not confirmed.
    /// </summary>
    public ChoiceOutcome ApplyFixCheck(FixCheck check, ProbeResult result)
    {
        if (Current.Id != check.Diagnosis)
        {
            return ChoiceOutcome.Refused(Content.Ui(Language, "fixcheck.moved"));
        }

        Record(check.Diagnosis, result);
        if (result.Outcome is ProbeOutcome.Pass or ProbeOutcome.Finding && result.Verdict == check.Verdict)
        {
            Session.Record($"fix check {check.Probe}: still {result.Verdict}", _clock);
            Save();
            return ChoiceOutcome.StillFaulty(Content.UiFormat(Language, "fixcheck.still", check.Probe, SummaryOf(result)));
        }

        var confirmed = result.Outcome is ProbeOutcome.Pass or ProbeOutcome.Finding;
        Session.Record($"fix check {check.Probe}: {result.Verdict}", _clock);
        if (Fire(Trigger.Choose(Node.FixedChoice)) is { } refusal)
        {
            return ChoiceOutcome.Refused(refusal);
        }

        return confirmed
            ? ChoiceOutcome.Confirmed(Content.UiFormat(Language, "fixcheck.confirmed", check.Probe, SummaryOf(result)))
            : ChoiceOutcome.Confirmed(Content.UiFormat(Language, "fixcheck.unconfirmed", check.Probe, SummaryOf(result)));
    }

    /// <summary>Why the last probe's verdict did not move the wizard although its node maps it (null when it moved or did not apply).</summary>
    public string? AutomaticMoveRefused { get; private set; }

    /// <summary>
    /// Saves to <see cref="SessionPath"/>; true when the file now holds the session. Never throws: a
    /// failure is kept for <see cref="TakeSaveWarning"/>. Before writing it checks the session's lock:
    /// when another window took the session over, this one turns read-only (<see cref="TakenOverBy"/>)
    /// instead of overwriting that window's steps.
    /// </summary>
    public bool Save()
    {
        if (!ReadOnly && _lock is not null && !_lock.StillHeld(out var now))
        {
            ReadOnly = true;
            TakenOverBy = now;
            NotSavedReason = null; // said once below, as a failure is
        }

        if (ReadOnly)
        {
            var newlyTaken = NotSavedReason is null && TakenOverBy is not null;
            NotSavedReason = TakenOverBy is { } other
                ? Content.UiFormat(Language, "session.taken-over", Localization.ErrorText.Holder(other, (k, a) => Content.UiFormat(Language, k, a)))
                : Content.UiFormat(Language, "save.readonly", SessionPath);
            if (newlyTaken)
            {
                _warning = NotSavedReason;
            }

            return false;
        }

        if (TryWrite(SessionPath) is not { } reason)
        {
            NotSavedReason = null;
            NotSavedDetail = null;
            _warning = null;
            return true;
        }

        var first = NotSavedReason is null;
        NotSavedDetail = reason;
        NotSavedReason = Content.UiFormat(Language, "save.failed", SessionPath, reason);
        if (first)
        {
            _warning = NotSavedReason; // said once per failure, not after every step that fails the same way
        }

        return false;
    }

    /// <summary>The save failure to show the user, once (then null until a save succeeds and another fails).</summary>
    public string? TakeSaveWarning()
    {
        var w = _warning;
        _warning = null;
        return w;
    }

    /// <summary>
    /// Saves the session to <paramref name="path"/>, a file that must not exist yet; from then on the
    /// session is saved there (and a read-only session becomes writable there). Returns null when
    /// saved, else one line why not (the old file and path stay as they were). Its folder must exist
    /// (a name typed after the suggested file, "s.json/tmp/x.md", is refused, never a folder made
    /// under it) unless <paramref name="createFolder"/> (the rescue copy's own folders).
    /// </summary>
    public string? SaveAs(string path, bool createFolder = false)
    {
        path = Path.GetFullPath(path);
        if (SessionStore.Inspect(path) != SessionFileState.Missing)
        {
            return Content.UiFormat(Language, "save.refused", path, Content.Ui(Language, "save.exists"));
        }

        if (!createFolder && FolderProblem(path) is { } problem)
        {
            return Content.UiFormat(Language, "save.refused", path, problem);
        }

        // The name was free a moment ago; the session store writes it whole (temp file and rename).
        if (TryWrite(path) is { } reason)
        {
            return Content.UiFormat(Language, "save.refused", path, reason);
        }

        SessionPath = path;
        ReadOnly = false;
        TakenOverBy = null;
        NotSavedReason = null;
        NotSavedDetail = null;
        _warning = null;
        LockNewFile();
        return null;
    }

    // A session saved to a new file is this window's there: the old lock (if still ours) goes, a new one is taken.
    private void LockNewFile()
    {
        if (_me is null)
        {
            return;
        }

        _lock?.Dispose();
        try
        {
            _lock = SessionLock.TryAcquire(SessionPath, _me, _isRunning ?? (_ => false), out _);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _lock = null; // the new file was just written, so nobody else has it open
        }
    }

    /// <summary>Folders tried, in order, by <see cref="SaveRescueCopy"/> (the launcher sets the sessions folder and the temp folder).</summary>
    public IReadOnlyList<string> RescueFolders { get; init; } = [];

    /// <summary>
    /// Last resort when the session file cannot be written and no one is left to ask (end of input):
    /// saves the session as a new file in the first of <see cref="RescueFolders"/> that takes it.
    /// Returns that file, or null when none did.
    /// </summary>
    public string? SaveRescueCopy()
    {
        var name = $"rescue-{Session.Id}-{_clock.Now:yyyyMMdd-HHmmss}.json";
        foreach (var folder in RescueFolders)
        {
            var path = Path.Combine(folder, name);
            if (Path.GetFullPath(path) != Path.GetFullPath(SessionPath) && SaveAs(path, createFolder: true) is null)
            {
                return SessionPath;
            }
        }

        return null;
    }

    // Why the folder of a new session file cannot take it: a part of the path is a file, or the
    // folder is missing (the nearest existing part named). Null when the folder exists.
    private string? FolderProblem(string path)
    {
        var folder = Path.GetDirectoryName(path);
        if (folder is null)
        {
            return null;
        }

        var nearest = folder;
        while (nearest is not null && FileKinds.Of(nearest).Kind == FileKind.Missing)
        {
            nearest = Path.GetDirectoryName(nearest);
        }

        if (nearest is null)
        {
            return Content.UiFormat(Language, "save.no-folder", folder);
        }

        var kind = FileKinds.Of(nearest).Kind;
        if (kind != FileKind.Directory)
        {
            return Content.UiFormat(Language, "save.under-file", nearest);
        }

        return nearest == folder ? null : Content.UiFormat(Language, "save.no-folder", folder);
    }

    private string? TryWrite(string path)
    {
        try
        {
            _save(path, Session);
            return null;
        }
        catch (FileWriteRefusedException ex)
        {
            return Localization.ErrorText.Of(ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return AtomicFile.Reason(ex);
        }
    }

    /// <summary>Short titles of the path taken, for the breadcrumb.</summary>
    public IReadOnlyList<string> Breadcrumb() =>
        Session.State.Path.Select(id => id == Node.StartId ? Content.Ui(Language, "app.name") : Content.Text(Language, id).Title).ToList();

    /// <summary>A probe's summary in the wizard's language (English when the probe gives no key).</summary>
    public string SummaryOf(ProbeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.SummaryKey is { } key && Language != Languages.Default
            ? KeyedText.Format((k, a) => Content.UiFormat(Language, k, a), key, result.SummaryArgs)
            : result.Summary;
    }

    private void Record(string nodeId, ProbeResult result)
    {
        Session.Evidence.Add(new ProbeEvidence(
            nodeId,
            result.ProbeId,
            result.Outcome.ToString().ToLowerInvariant(),
            result.Verdict,
            result.Summary,
            result.Evidence.Select(e => new EvidenceRow(e.Name, e.Value) { NameKey = e.NameKey, NameArgs = e.NameKey is null ? null : e.NameArgs, ValueKey = e.ValueKey }).ToList(),
            result.SuggestedDiagnoses,
            _clock.Now)
        {
            SummaryKey = result.SummaryKey,
            SummaryArgs = result.SummaryKey is null ? null : result.SummaryArgs,
        });
        Session.Record($"probe {result.ProbeId}: {result.Verdict}", _clock);
    }
}
