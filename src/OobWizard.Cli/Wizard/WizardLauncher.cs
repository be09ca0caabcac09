using System.Diagnostics;
using OobWizard.Cli.Tui;
using OobWizard.Core.Content;
using OobWizard.Core.Engine;
using OobWizard.Core.Sessions;
using OobWizard.Probes;

namespace OobWizard.Cli.Wizard;

/// <summary>
/// Opens or creates the session, takes its lock, then runs the full-screen or the plain front end.
/// Refuses to overwrite anything that is not a fresh file: a saved session is never lost.
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

            // A demo session's lab is gone with the process that ran it: resume it into a fresh lab.
            if (session.Lab is { } lab && start.Lab is null)
            {
                return host.Fail($"{path} is a demo session (lab scenario '{lab}'); continue it in a fresh lab with: oobwizard demo --resume {path}");
            }

            if (start.Lab is not null && session.Lab is null)
            {
                return host.Fail($"{path} is not a demo session; continue it with: oobwizard --resume {path}");
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
            switch (SessionStore.Inspect(path))
            {
                case SessionFileState.Session:
                    return host.Fail($"--session {path} already holds a session; continue it with: oobwizard --resume {path}");
                case SessionFileState.Foreign:
                    return host.Fail($"--session {path} exists and is not an OobWizard session; refusing to overwrite it");
            }
        }

        var ctl = new WizardController(content, session, path, probes, probeContext, host.Clock);
        SessionLockHolder? heldBy;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            heldBy = ctl.AcquireLock(SessionLockHolder.ThisProcess(Environment.MachineName, Environment.ProcessId, host.Clock.Now), IsRunning);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return host.Fail($"cannot write session {path}: {ex.Message}");
        }

        try
        {
            if (heldBy is null)
            {
                try
                {
                    ctl.Save();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    return host.Fail($"cannot write session {path}: {ex.Message}");
                }
            }

            if (start.JumpTo is { } jumpTo && !start.Resume && ctl.Fire(Trigger.Jump(jumpTo)) is { } refusal)
            {
                return host.Fail($"cannot start at {jumpTo}: {refusal}");
            }

            if (!start.Plain && host.NoFullScreen is null)
            {
                return new TuiFrontEnd(ctl, host, heldBy).Run(ct);
            }

            if (!start.Plain)
            {
                host.Err.WriteLine($"oobwizard: {host.NoFullScreen}; using --plain line mode");
            }

            var previousAsk = host.Password.Ask;
            host.Password.Ask ??= (user, target) => host.ReadSecret?.Invoke(
                content.UiFormat(ctl.Language, "password.prompt", user, target ?? session.Target ?? "?"));
            try
            {
                return await new PlainFrontEnd(ctl, host.PlainConsole(), host.In, host.IsTerminal ? host.ReadSecret : null, heldBy).RunAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                host.Password.Ask = previousAsk;
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
