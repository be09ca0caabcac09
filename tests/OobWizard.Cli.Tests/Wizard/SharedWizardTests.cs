using OobWizard.Cli.Tests.Support;
using OobWizard.Cli.Tests.Tui;
using OobWizard.Cli.Wizard;
using OobWizard.Core.Engine;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tree;
using OobWizard.Probes;

namespace OobWizard.Cli.Tests.Wizard;

/// <summary>
/// What the shared controller and the launcher give both front ends: the fix re-check, the
/// session lock, demo sessions that resume into a fresh lab, --target with --resume, the fall
/// back to line mode, and the password prompt in the session's language.
/// </summary>
public sealed class SharedWizardTests : IDisposable
{
    private readonly WizardFactory _f = new();

    [Fact]
    public async Task PlainMode_ReChecksAFixToo_AndStaysWhileTheFaultIsThere()
    {
        var fixedNow = false;
        var probe = new ScriptedProbe("amt.redirection", (_, _) => Task.FromResult(fixedNow
            ? ProbeResult.Pass("amt.redirection", "redirection enabled")
            : ProbeResult.Finding("amt.redirection", "disabled", "Serial over LAN disabled")));
        var ctl = _f.Live(new ProbeRunner([probe]));
        ctl.Fire(Trigger.Jump("p.con.redirection"));
        await ctl.RunProbeAsync(CancellationToken.None);
        Assert.Equal("console.redirection-disabled", ctl.Current.Id);

        var still = await ctl.ChooseAsync(Node.FixedChoice, CancellationToken.None);
        Assert.False(still.Moved);
        Assert.Contains("still there", still.Message);
        Assert.Equal("console.redirection-disabled", ctl.Current.Id);

        fixedNow = true;
        var output = new StringWriter();
        var host = new CliHost { In = TextReader.Null, Out = output, Err = TextWriter.Null };
        await new PlainFrontEnd(ctl, host.PlainConsole(), new StringReader("fixed\n")).RunAsync(CancellationToken.None);

        Assert.Equal(Node.ResolvedId, ctl.Current.Id);
        Assert.Equal(3, probe.Runs);
        Assert.Contains("Marked as resolved", output.ToString());
        Assert.Contains(SessionStore.Load(ctl.SessionPath).Evidence, e => e.Node == "console.redirection-disabled" && e.Verdict == "pass");
    }

    [Fact]
    public async Task AnOfflineSession_NeverReChecks()
    {
        var ctl = _f.Offline();
        ctl.Fire(Trigger.Jump("console.redirection-disabled"));

        Assert.Null(ctl.FixCheckFor(Node.FixedChoice));
        Assert.True((await ctl.ChooseAsync(Node.FixedChoice, CancellationToken.None)).Moved);
    }

    [Fact]
    public void PlainMode_AtALockedSession_OffersReadOnly_OrTakeOver()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "s.json");
        run.Run("2\n", "--plain", "--offline", "--lang", "en", "--session", file);
        Assert.False(File.Exists(SessionLock.PathFor(file))); // released at the end
        File.WriteAllText(SessionLock.PathFor(file), SessionLockHolder.ThisProcess("pc-elsewhere", 4242, DateTimeOffset.Now).ToText());
        var before = File.ReadAllText(file);

        run.Run("r\n1\n", "--plain", "--resume", file);
        Assert.Contains("open in another window (PID 4242 on pc-elsewhere", Flat(run.Out));
        Assert.Equal(before, File.ReadAllText(file));
        Assert.Contains("Read-only: nothing is written to", Flat(run.Out)); // the read-only mode of --read-only

        run.Run("t\n1\n", "--plain", "--resume", file);
        Assert.Equal(["start", "sym.console-cannot-connect", "console.prerequisites"], run.LoadSession(file).State.Path); // its first answer
        Assert.False(File.Exists(SessionLock.PathFor(file)));
    }

    [Fact]
    public void ReadOnly_WritesNoLockEither_SoItNeverAsksAboutOne()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "s.json");
        run.Run("2\n", "--plain", "--offline", "--lang", "en", "--session", file);
        var otherLock = SessionLockHolder.ThisProcess("pc-elsewhere", 4242, DateTimeOffset.Now).ToText();
        File.WriteAllText(SessionLock.PathFor(file), otherLock);
        var before = File.ReadAllText(file);

        run.Run("1\n", "--plain", "--resume", file, "--read-only");

        Assert.Equal(0, run.Exit);
        Assert.DoesNotContain("open in another window", Flat(run.Out));
        Assert.Contains("Read-only: nothing is written to", Flat(run.Out));
        Assert.Equal(before, File.ReadAllText(file));
        Assert.Equal(otherLock, File.ReadAllText(SessionLock.PathFor(file))); // the other window's lock, untouched
    }

    [Fact]
    public void AReadOnlyWindow_SavedToANewFile_HoldsTheLockThere_AndLeavesTheOtherLockAlone()
    {
        var first = _f.Offline();
        Assert.Null(first.AcquireLock(SessionLockHolder.ThisProcess(Environment.MachineName, 1001, DateTimeOffset.Now), _ => true));
        Assert.True(first.Save());
        var second = WizardFactory.Resume(first.SessionPath);
        Assert.NotNull(second.AcquireLock(SessionLockHolder.ThisProcess(Environment.MachineName, 1002, DateTimeOffset.Now), _ => true));
        second.OpenReadOnly();
        second.Fire(Trigger.Choose("power-state-only"));
        Assert.False(second.Save());
        Assert.Contains("Read-only", second.NotSavedReason);

        var copy = Path.Combine(_f.Dir, "copy.json");
        Assert.Null(second.SaveAs(copy));

        Assert.False(second.ReadOnly);
        Assert.Null(second.NotSavedReason);
        Assert.Equal(1002, SessionLockHolder.Parse(File.ReadAllText(SessionLock.PathFor(copy)))!.Pid);
        Assert.Equal(1001, SessionLockHolder.Parse(File.ReadAllText(SessionLock.PathFor(first.SessionPath)))!.Pid);
        second.ReleaseLock();
        Assert.False(File.Exists(SessionLock.PathFor(copy)));
        Assert.True(File.Exists(SessionLock.PathFor(first.SessionPath)));
    }

    [Fact]
    public void AWindowTakenOver_SaysSoOnce_AndNeverWritesAgain()
    {
        var first = _f.Offline();
        Assert.Null(first.AcquireLock(SessionLockHolder.ThisProcess(Environment.MachineName, 1001, DateTimeOffset.Now), _ => true));
        Assert.True(first.Save());
        var second = WizardFactory.Resume(first.SessionPath);
        second.AcquireLock(SessionLockHolder.ThisProcess(Environment.MachineName, 1002, DateTimeOffset.Now), _ => true);
        second.TakeOverLock();
        var written = File.ReadAllText(first.SessionPath);

        first.Fire(Trigger.Choose("power-state-only"));
        first.Fire(Trigger.Back);

        Assert.True(first.ReadOnly);
        Assert.Equal(1002, first.TakenOverBy!.Pid);
        Assert.Contains("took this session over (PID 1002", first.TakeSaveWarning());
        Assert.Null(first.TakeSaveWarning());
        Assert.Equal(written, File.ReadAllText(first.SessionPath));
    }

    [Fact]
    public void ADemoSession_ResumesIntoAFreshLab_NeverAgainstTheOldAddress()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "demo.json");
        run.Run("redirection-fails\n", "demo", "--plain", "--lang", "en", "--session", file);
        Assert.Equal("redirection-disabled", run.LoadSession(file).Lab);
        Assert.Contains("oobwizard demo --resume " + file, Flat(run.Out));

        run.Run("", "--plain", "--resume", file);
        Assert.Equal(2, run.Exit);
        Assert.Contains("is a demo session", run.Err);
        Assert.Contains("oobwizard demo --resume " + file, run.Err);
        Assert.Empty(run.SecretPrompts); // never "admin@the AMT computer"

        run.Run("both-or-sol\n", "demo", "--plain", "--resume", file);
        Assert.Equal(0, run.Exit);
        var resumed = run.LoadSession(file);
        Assert.Equal("console.redirection-disabled", resumed.State.Current);
        Assert.Contains(resumed.Evidence, e => e.Probe == "amt.redirection" && e.Verdict == "disabled");
        Assert.Empty(run.SecretPrompts);
    }

    [Fact]
    public void DemoResume_OfARealSession_SaysHowToContinueIt()
    {
        using var run = new CliRun();
        var file = Path.Combine(run.SessionDir, "real.json");
        run.Run("1\n", "--plain", "--offline", "--session", file);

        run.Run("", "demo", "--plain", "--resume", file);

        Assert.Equal(2, run.Exit);
        Assert.Contains("is not a demo session; continue it with: oobwizard --resume " + file, run.Err);
    }

    [Fact]
    public void TargetWithResume_SwitchesTheSessionsTarget_AndRecordsIt()
    {
        using var run = new CliRun();
        run.Env["OOBW_AMT_PASSWORD"] = "unused";
        var file = Path.Combine(run.SessionDir, "s.json");
        run.Run("1\n", "--plain", "--offline", "--session", file);
        Assert.Null(run.LoadSession(file).Target);

        run.Run("", "--plain", "--resume", file, "--target", "amt-pc7.corp.example.com", "--timeout", "0.2");

        var session = run.LoadSession(file);
        Assert.Equal("amt-pc7.corp.example.com", session.Target);
        Assert.False(session.Offline);
        Assert.Contains(session.History, h => h.Event == "target: - -> amt-pc7.corp.example.com");
    }

    [Fact]
    public void ThePasswordPrompt_IsInTheSessionsLanguage_AndAskedOnlyWhenACheckNeedsIt()
    {
        using var run = new CliRun();
        run.Run("power-state-only\n", "--plain", "--lang", "de", "--target", "amt.invalid", "--timeout", "0.2");

        var prompt = Assert.Single(run.SecretPrompts);
        Assert.StartsWith("AMT-Kennwort für admin@amt.invalid", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainMode_AsksTheLdapPasswordInTheSessionsLanguage_WithTheCheckThatNeedsIt()
    {
        using var run = new CliRun();
        run.Run("power-state-only\n", "--plain", "--lang", "de", "--target", "amt.invalid", "--timeout", "0.2", "--ldap-user", "svc-oob@CORP.EXAMPLE.COM", "--dc", "127.0.0.1:1");

        Assert.Equal(2, run.SecretPrompts.Count);
        Assert.StartsWith("LDAP-Kennwort für svc-oob@CORP.EXAMPLE.COM", run.SecretPrompts[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, null, "no terminal on stdin/stdout")]
    [InlineData(true, "dumb", "TERM=dumb")]
    public void WithoutATerminal_OrWithTermDumb_ThePlainModeRuns(bool terminal, string? term, string reason)
    {
        Assert.Equal(reason, FullScreenCheck.Reason(terminal, n => n == "TERM" ? term : null));

        using var run = new CliRun();
        run.Run("1\n", "--offline");
        Assert.Contains("using --plain line mode", run.Err);
        Assert.Contains("== OobWizard > ", run.Out);
    }

    public void Dispose() => _f.Dispose();

    // Plain mode wraps long lines at 80 columns.
    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
