using OobWizard.Core.Content;
using OobWizard.Core.Engine;
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
    public static async Task<int> RunAsync(CliHost host, WizardStart start, ProbeRunner probes, Func<ProbeContext> probeContext, CancellationToken ct)
    {
        var content = ContentLocator.Load(start.ContentDir, host, out var error);
        if (content is null)
        {
            return host.Fail(error!);
        }

        Session session;
        string path;
        if (start.Resume)
        {
            path = start.ResumeFile ?? start.SessionFile ?? SessionPaths.Latest(host.Env) ?? "";
            if (path.Length == 0)
            {
                return host.Fail($"--resume: no saved session in {SessionPaths.Directory(host.Env)}; name one: --resume FILE");
            }

            if (!File.Exists(path))
            {
                return host.Fail($"--resume: no session file {path}");
            }

            try
            {
                session = SessionStore.Load(path);
            }
            catch (SessionException ex)
            {
                return host.Fail(ex.Message);
            }

            var missing = session.State.Path.FirstOrDefault(id => !content.Tree.Contains(id));
            if (missing is not null)
            {
                return host.Fail($"{path}: the session is at node '{missing}', which this version's content does not have; the file was left untouched");
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
            switch (SessionStore.Inspect(path))
            {
                case SessionFileState.Session:
                    return host.Fail($"--session {path} already holds a session; continue it with: oobwizard --resume {path}");
                case SessionFileState.Foreign:
                    return host.Fail($"--session {path} exists and is not an OobWizard session; refusing to overwrite it");
            }
        }

        // A resumed session keeps probing the computer it was started for, unless --target names another.
        var target = start.Target ?? session.Target;
        ProbeContext Context()
        {
            var context = probeContext();
            return context.Target is null && target is not null ? context.With(target: target) : context;
        }

        var ctl = new WizardController(content, session, path, probes, Context, host.Clock);
        try
        {
            ctl.Save();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return host.Fail($"cannot write session {path}: {ex.Message}");
        }

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
