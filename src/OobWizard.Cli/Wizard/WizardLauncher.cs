using System.Diagnostics;
using OobWizard.Cli.Localization;
using OobWizard.Cli.Tui;
using OobWizard.Core.Content;
using OobWizard.Core.Engine;
using OobWizard.Core.Files;
using OobWizard.Core.Lint;
using OobWizard.Core.Sessions;
using OobWizard.Probes;

namespace OobWizard.Cli.Wizard;

/// <summary>
/// Opens or creates the session, takes its lock, then runs the full-screen or the plain front end.
/// Refuses to overwrite anything that is not a fresh file: a saved session is never lost.
/// </summary>
public static class WizardLauncher
{
    /// <summary>
    /// Content with lint errors (no start node, a broken placeholder, a page the renderer cannot
    /// parse) would fail somewhere in the middle of a session: refuse up front, naming the first
    /// errors and the command that lists them all. Returns the exit code, or null to go on.
    /// </summary>
    private static int? LintGate(ContentSet content, WizardStart start, CliHost host)
    {
        // Issues at a line first: a broken file (an empty ui.yaml, line 1) is named before the keys it then lacks (line 0: where they belong).
        var errors = ContentLinter.Lint(content, ProbeCatalog.Verdicts()).Where(i => i.Severity == IssueSeverity.Error).OrderBy(i => i.Where.Line > 0 ? 0 : 1).ToList();
        if (errors.Count == 0)
        {
            return null;
        }

        var lint = start.ContentDir is { } dir ? $"oobwizard lint --content {dir}" : "oobwizard lint";
        var first = string.Join("; ", errors.Take(2));
        var more = errors.Count > 2 ? Messages.Current.Format("content.errors-more", errors.Count - 2) : "";
        return host.Fail(Messages.Current.Count("content.errors-no-start", errors.Count, first + more, lint), 1);
    }

    /// <summary><see cref="FullScreenCheck.Reason"/>'s phrase (found before the language is known) in the run's language; TERM=dumb as it is.</summary>
    private static string? NoFullScreenText(string? reason) => reason switch
    {
        "no terminal on stdin/stdout" => Messages.Current.Format("fullscreen.no-terminal"),
        "no controlling terminal" => Messages.Current.Format("fullscreen.no-controlling-terminal"),
        _ => reason,
    };

    /// <summary>A new session file must not exist yet (a session is resumed, anything else left alone).</summary>
    private static int? NewFileRefusal(string path, CliHost host)
    {
        if (FileKinds.Of(path).Kind is not (FileKind.Missing or FileKind.Regular) and var kind)
        {
            return host.Fail(Messages.Current.Format("session.not-regular", path, ErrorText.Kind(kind)));
        }

        return SessionStore.Inspect(path) switch
        {
            SessionFileState.Session => host.Fail(Messages.Current.Format("session.exists", path)),
            SessionFileState.Foreign => host.Fail(Messages.Current.Format("session.exists-foreign", path)),
            _ => null,
        };
    }

    public static async Task<int> RunAsync(CliHost host, WizardStart start, ProbeRunner probes, Func<ProbeContext> probeContext, CancellationToken ct)
    {
        var content = ContentLocator.Load(start.ContentDir, host, out var error);
        if (content is null)
        {
            return host.Fail(error!);
        }

        if (LintGate(content, start, host) is { } lintRefusal)
        {
            return lintRefusal;
        }

        Session session;
        string path;
        if (start.Resume)
        {
            string source;
            if (start.ResumeFile is null && start.SessionFile is null)
            {
                if (SessionPaths.Latest(host.Env, host.Warn) is not { } latest)
                {
                    return host.Fail(Messages.Current.Format("session.none-saved", SessionPaths.Directory(host.Env)));
                }

                (source, session) = latest;
            }
            else
            {
                source = start.ResumeFile ?? start.SessionFile!;
                if (FileKinds.Of(source).Kind == FileKind.Missing)
                {
                    return host.Fail(Messages.Current.Format("session.resume-missing", source));
                }

                try
                {
                    session = SessionStore.Load(source);
                }
                catch (SessionException ex)
                {
                    return host.Fail(ErrorText.Of(ex));
                }
            }

            var missing = session.State.Path.FirstOrDefault(id => !content.Tree.Contains(id));
            if (missing is not null)
            {
                return host.Fail(Messages.Current.Format("session.node-missing", source, missing));
            }

            // --resume OLD --session NEW continues OLD and saves into NEW; OLD stays as it was.
            path = start.ResumeFile is not null && start.SessionFile is not null ? start.SessionFile : source;
            var sameFile = Path.GetFullPath(path) == Path.GetFullPath(source);
            if (!sameFile && NewFileRefusal(path, host) is { } taken)
            {
                return taken;
            }

            if (sameFile && !start.ReadOnly && AtomicFile.IsReadOnly(source))
            {
                return host.Fail(Messages.Current.Format("session.read-only", source, AtomicFile.ModeText(source)));
            }

            // A demo session's lab is gone with the process that ran it: resume it into a fresh lab.
            if (session.Lab is { } lab && start.Lab is null)
            {
                return host.Fail(Messages.Current.Format("session.is-demo", path, lab));
            }

            if (start.Lab is not null && session.Lab is null)
            {
                return host.Fail(Messages.Current.Format("session.not-demo", path));
            }

            if (start.Language is not null)
            {
                session.Language = start.Language;
            }

            session.Record("resume", host.Clock);
            if (start.Target is { } target && target != session.Target)
            {
                // --target with --resume: the session goes on against that computer (recorded).
                session.Record($"target: {session.Target ?? "-"} -> {target}", host.Clock);
                session.Target = target;
                session.Offline = start.Offline;
            }
            else
            {
                session.Offline |= start.Offline;
            }
        }
        else
        {
            session = Session.New(host.Clock, start.Language ?? Languages.FromEnvironment(host.Env), start.Target, start.Offline);
            session.Lab = start.Lab;
            path = start.SessionFile ?? SessionPaths.NewFile(host.Env, host.Clock.Now, session.Id);
            if (NewFileRefusal(path, host) is { } taken)
            {
                return taken;
            }
        }

        var ctl = new WizardController(content, session, path, probes, probeContext, host.Clock, start.ReadOnly)
        {
            RescueFolders = [SessionPaths.Directory(host.Env), Path.GetTempPath()],
        };

        // --read-only writes nothing, not even a lock file: it never collides with a window that has
        // the session open. Any other window takes the session's lock first (another live window
        // holding it is asked about: leave, read-only, or take over) and then saves the session once,
        // so a session that cannot be saved at all is refused before the first question.
        SessionLockHolder? heldBy = null;
        if (!start.ReadOnly)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                heldBy = ctl.AcquireLock(SessionLockHolder.ThisProcess(Environment.MachineName, Environment.ProcessId, host.Clock.Now), IsRunning);
                if (heldBy is null)
                {
                    SessionStore.Save(path, session);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                ctl.ReleaseLock();
                return host.Fail(Messages.Current.Format("session.cannot-write", path, Localization.ErrorText.WriteFailure(ex)), 1);
            }
        }

        try
        {
            if (start.JumpTo is { } jumpTo && !start.Resume && ctl.Fire(Trigger.Jump(jumpTo)) is { } refusal)
            {
                return host.Fail(Messages.Current.Format("session.cannot-start-at", jumpTo, refusal));
            }

            if (!start.Plain && host.NoFullScreen is null)
            {
                return new TuiFrontEnd(ctl, host, heldBy).Run(ct);
            }

            if (!start.Plain)
            {
                host.Err.WriteLine("oobwizard: " + Messages.Current.Format("error.no-full-screen", NoFullScreenText(host.NoFullScreen)));
            }

            using (host.Password.Use(
                (user, target) => host.ReadSecret?.Invoke(content.UiFormat(ctl.Language, "password.prompt", user, target ?? session.Target ?? "?")),
                user => host.ReadSecret?.Invoke(content.UiFormat(ctl.Language, "password.ldap.prompt", user)),
                file => host.ReadSecret?.Invoke(content.UiFormat(ctl.Language, "password.pfx.prompt", file)),
                onlyUnset: true))
            {
                return await new PlainFrontEnd(ctl, host.PlainConsole(), host.In, host.IsTerminal ? host.ReadSecret : null, heldBy).RunAsync(ct).ConfigureAwait(false);
            }
        }
        finally
        {
            ctl.ReleaseLock();
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
