using OobWizard.Core.Content;
using OobWizard.Core.Engine;
using OobWizard.Core.Files;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tree;
using OobWizard.Probes;

namespace OobWizard.Cli.Wizard;

/// <summary>
/// Glue between a front end and the pure engine: fires triggers, runs probes, and saves the
/// session after every change so a dropped connection never loses a step.
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
    }

    public ContentSet Content { get; }

    public Session Session { get; }

    /// <summary>The file the session is saved to (changes after a successful <see cref="SaveAs"/>).</summary>
    public string SessionPath { get; private set; }

    /// <summary>True when nothing is written (the session was opened with --read-only) until <see cref="SaveAs"/> names a file.</summary>
    public bool ReadOnly { get; private set; }

    /// <summary>Null when <see cref="SessionPath"/> holds every step; else one line saying why it does not (a failed save, or read-only).</summary>
    public string? NotSavedReason { get; private set; }

    /// <summary>The bare reason of the last failed save (the OS's words, "No space left on device"), for a status line too short for <see cref="NotSavedReason"/>.</summary>
    public string? NotSavedDetail { get; private set; }

    public string Language => Session.Language;

    public Node Current => Content.Tree[Session.State.Current];

    public NodeText CurrentText => Content.Text(Language, Current.Id);

    public IReadOnlyList<Choice> Choices => WizardEngine.AvailableChoices(Content.Tree, Session.State);

    public bool AtEnd => Current.Kind == NodeKind.End;

    /// <summary>The probe evidence that led to the current node (when the last step was a verdict), else null.</summary>
    public ProbeEvidence? ArrivalEvidence =>
        Session.State.Steps.Count > 0 && Session.State.Steps[^1].Trigger.Kind == TriggerKind.Verdict
            ? Session.Evidence.LastOrDefault(e => e.Node == Session.State.Steps[^1].From)
            : null;

    /// <summary>The latest probe evidence gathered at the current node (shown when the probe could not decide).</summary>
    public ProbeEvidence? EvidenceHere => Session.Evidence.LastOrDefault(e => e.Node == Current.Id);

    public bool CanProbe => Current.Kind == NodeKind.Probe && !Session.Offline;

    /// <summary>Fires a trigger; returns the refusal reason, or null when it moved. Saves on success.</summary>
    public string? Fire(Trigger trigger)
    {
        var t = WizardEngine.Fire(Content.Tree, Session.State, trigger);
        if (!t.Accepted)
        {
            return t.Refusal;
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
    /// Runs the current node's probe. When its verdict has a branch, moves along it and returns
    /// the result; otherwise stays (the manual question is asked) and returns the result too.
    /// </summary>
    public Task<ProbeResult> RunProbeAsync(CancellationToken ct) => RunProbeAsync(CreateProbeContext(), ct);

    /// <summary>Builds the probe context; may ask for the AMT password, so call it outside any live display.</summary>
    public ProbeContext CreateProbeContext()
    {
        var context = _probeContext();
        return _password is null ? context : context.With(password: _password);
    }

    /// <summary>
    /// True after a probe whose password AMT refused (HTTP 401): the wizard did not move on, so the front end can
    /// offer to enter the password again (<see cref="RetryWithPasswordAsync"/>) or go on without it
    /// (<see cref="DeclinePasswordRetry"/>). The refused password is never sent again in this run.
    /// </summary>
    public bool PasswordRefused => _refusal is not null;

    /// <summary>The AMT user whose password was refused (for the prompt), or null.</summary>
    public string? RefusedUser => _refusal?.User;

    /// <summary>Runs the current probe again with <paramref name="password"/> (kept in memory only, for the rest of the run).</summary>
    public Task<ProbeResult> RetryWithPasswordAsync(string password, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        _password = password;
        _declined = false;
        _refusal = null;
        return RunProbeAsync(CreateProbeContext(), ct);
    }

    /// <summary>Goes on without a new password: the refused probe's verdict is followed, or its manual question asked.</summary>
    public void DeclinePasswordRetry()
    {
        if (_refusal is not { } refusal) return;
        _refusal = null;
        _declined = true;
        FollowVerdict(refusal.Result, refusal.Node);
    }

    public async Task<ProbeResult> RunProbeAsync(ProbeContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var node = Current;
        // Each step looks afresh (a fix made meanwhile must show); refused passwords stay refused for the run.
        context.Run.Refresh();
        var result = await _probes.RunAsync(node.Probe!, context, ct).ConfigureAwait(false);
        Session.Evidence.Add(new ProbeEvidence(
            node.Id,
            result.ProbeId,
            result.Outcome.ToString().ToLowerInvariant(),
            result.Verdict,
            result.Summary,
            result.Evidence.Select(e => new EvidenceRow(e.Name, e.Value)).ToList(),
            result.SuggestedDiagnoses,
            _clock.Now));
        Session.Record($"probe {result.ProbeId}: {result.Verdict}", _clock);
        AutomaticMoveRefused = null;
        if (!_declined && !string.IsNullOrEmpty(context.Password) && context.Run.Credentials.IsRefused(context.User, context.Password))
        {
            // Hold the step: a typo must not lead to "another management solution owns it". The front end asks.
            _refusal = (result, node.Id, context.User);
            Save();
            return result;
        }

        FollowVerdict(result, node.Id);
        return result;
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

    /// <summary>Why the last probe's verdict did not move the wizard although its node maps it (null when it moved or did not apply).</summary>
    public string? AutomaticMoveRefused { get; private set; }

    /// <summary>Saves to <see cref="SessionPath"/>; true when the file now holds the session. Never throws: a failure is kept for <see cref="TakeSaveWarning"/>.</summary>
    public bool Save()
    {
        if (ReadOnly)
        {
            NotSavedReason = Content.UiFormat(Language, "save.readonly", SessionPath);
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
    /// saved, else one line why not (the old file and path stay as they were).
    /// </summary>
    public string? SaveAs(string path)
    {
        path = Path.GetFullPath(path);
        if (SessionStore.Inspect(path) != SessionFileState.Missing)
        {
            return Content.UiFormat(Language, "save.refused", path, Content.Ui(Language, "save.exists"));
        }

        // The name was free a moment ago; the session store writes it whole (temp file and rename).
        if (TryWrite(path) is { } reason)
        {
            return Content.UiFormat(Language, "save.refused", path, reason);
        }

        SessionPath = path;
        ReadOnly = false;
        NotSavedReason = null;
        NotSavedDetail = null;
        _warning = null;
        return null;
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
            if (Path.GetFullPath(path) != Path.GetFullPath(SessionPath) && SaveAs(path) is null)
            {
                return SessionPath;
            }
        }

        return null;
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
            return ex.Message;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return AtomicFile.Reason(ex);
        }
    }

    /// <summary>Short titles of the path taken, for the breadcrumb.</summary>
    public IReadOnlyList<string> Breadcrumb() =>
        Session.State.Path.Select(id => id == Node.StartId ? Content.Ui(Language, "app.name") : Content.Text(Language, id).Title).ToList();
}
