using OobWizard.Core.Content;
using OobWizard.Core.Engine;
using OobWizard.Core.Files;
using OobWizard.Core.Lint;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tree;
using OobWizard.Probes;

namespace OobWizard.Cli.Wizard;

/// <summary>
/// Opens or creates the session, then runs the interactive or the plain front end. Refuses to
/// overwrite anything that is not a fresh file: a saved session is never lost.
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
        var errors = ContentLinter.Lint(content, ProbeCatalog.Verdicts()).Where(i => i.Severity == IssueSeverity.Error).ToList();
        if (errors.Count == 0)
        {
            return null;
        }

        var lint = start.ContentDir is { } dir ? $"oobwizard lint --content {dir}" : "oobwizard lint";
        var first = string.Join("; ", errors.Take(2));
        var more = errors.Count > 2 ? $"; and {errors.Count - 2} more" : "";
        return host.Fail($"the content has {errors.Count} {(errors.Count == 1 ? "error" : "errors")}, so the wizard does not start: {first}{more}. List them: {lint}", 1);
    }

    /// <summary>A new session file must not exist yet (a session is resumed, anything else left alone).</summary>
    private static int? NewFileRefusal(string path, CliHost host)
    {
        if (FileKinds.Of(path).Kind is not (FileKind.Missing or FileKind.Regular) and var kind)
        {
            return host.Fail($"--session {path} is {FileKinds.Describe(kind)}, not a regular file; a session is saved to a regular file");
        }

        return SessionStore.Inspect(path) switch
        {
            SessionFileState.Session => host.Fail($"--session {path} already holds a session; continue it with: oobwizard --resume {path}"),
            SessionFileState.Foreign => host.Fail($"--session {path} exists and is not an OobWizard session; refusing to overwrite it"),
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
                    return host.Fail($"--resume: no saved session in {SessionPaths.Directory(host.Env)}; name one: --resume FILE");
                }

                (source, session) = latest;
            }
            else
            {
                source = start.ResumeFile ?? start.SessionFile!;
                if (FileKinds.Of(source).Kind == FileKind.Missing)
                {
                    return host.Fail($"--resume: no session file {source}");
                }

                try
                {
                    session = SessionStore.Load(source);
                }
                catch (SessionException ex)
                {
                    return host.Fail(ex.Message);
                }
            }

            var missing = session.State.Path.FirstOrDefault(id => !content.Tree.Contains(id));
            if (missing is not null)
            {
                return host.Fail($"{source}: the session is at node '{missing}', which this version's content does not have; the file was left untouched");
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
                return host.Fail($"{source} is read-only ({AtomicFile.ModeText(source)}); it is not replaced. Continue without saving: --read-only; or save into a new file: --resume {source} --session NEW.json");
            }

            if (start.Language is not null)
            {
                session.Language = start.Language;
            }

            session.Offline |= start.Offline;
            session.Record("resume", host.Clock);
        }
        else
        {
            session = Session.New(host.Clock, start.Language ?? Languages.FromEnvironment(host.Env), start.Target, start.Offline);
            path = start.SessionFile ?? SessionPaths.NewFile(host.Env, host.Clock.Now, session.Id);
            if (NewFileRefusal(path, host) is { } taken)
            {
                return taken;
            }
        }

        // A resumed session keeps probing the computer it was started for, unless --target names another.
        var target = start.Target ?? session.Target;
        ProbeContext Context()
        {
            var context = probeContext();
            return context.Target is null && target is not null ? context.With(target: target) : context;
        }

        if (!start.ReadOnly)
        {
            // A session that cannot be saved at all is refused before the first question, not after it.
            try
            {
                SessionStore.Save(path, session);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return host.Fail($"cannot write session {path}: {AtomicFile.Reason(ex)}; choose another file with --session FILE, or run with --read-only", 1);
            }
        }

        var ctl = new WizardController(content, session, path, probes, Context, host.Clock, start.ReadOnly)
        {
            RescueFolders = [SessionPaths.Directory(host.Env), Path.GetTempPath()],
        };

        if (start.JumpTo is { } jumpTo && !start.Resume && ctl.Fire(Trigger.Jump(jumpTo)) is { } refusal)
        {
            return host.Fail($"cannot start at {jumpTo}: {refusal}");
        }

        if (!start.Plain && host.IsTerminal && host.InteractiveConsole is { } console)
        {
            return await new InteractiveFrontEnd(ctl, console()).RunAsync(ct).ConfigureAwait(false);
        }

        if (!start.Plain)
        {
            host.Err.WriteLine("oobwizard: no terminal on stdin/stdout; using --plain line mode");
        }

        return await new PlainFrontEnd(ctl, host.PlainConsole(), host.In, host.IsTerminal ? host.ReadSecret : null).RunAsync(ct).ConfigureAwait(false);
    }
}
