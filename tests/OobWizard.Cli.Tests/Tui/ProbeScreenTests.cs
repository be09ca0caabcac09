using System.Net;
using System.Net.Sockets;
using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Engine;
using OobWizard.Core.Sessions;
using OobWizard.Probes;
using OobWizard.Probes.Amt;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace OobWizard.Cli.Tests.Tui;

/// <summary>
/// Probes in the full-screen wizard run in the background with a progress line inside the layout;
/// Esc (or Skip) cancels at once and the token reaches the socket; the manual question follows
/// (problem 2). Back at a check that passed shows that it passed (problem 6). "Did it work?"
/// re-runs the check that found the fault before accepting it.
/// </summary>
public sealed class ProbeScreenTests : IDisposable
{
    private readonly WizardFactory _f = new();

    [Fact]
    public void AProbeThatNeverAnswers_IsCancelledByEsc_AndTheTokenReachesTheSocket()
    {
        // A device that accepts the connection and never answers: only the token can end the probe.
        using var silent = new SilentDevice();
        var runner = new ProbeRunner(AmtProbes.All());
        var ctl = _f.Live(runner, target: "127.0.0.1", context: () => new ProbeContext { Target = "127.0.0.1", HttpPort = silent.Port, Password = "x", Timeout = TimeSpan.FromSeconds(120) });
        ctl.Fire(Trigger.Jump("p.con.redirection"));
        using var ui = TuiHarness.Start(ctl, escapeHold: TimeSpan.FromMilliseconds(100));
        Assert.True(ui.WaitUntil(() => ui.Window.Probing));
        Assert.True(silent.Connected.Wait(TimeSpan.FromSeconds(20)));

        var screen = ui.ScreenText();
        Assert.Contains("Checking amt.redirection", screen); // the progress line, inside the layout
        Assert.Contains("Skip (Esc)", screen);
        Assert.Equal(ui.Read(() => ui.Window.KeysText).TrimEnd(), ui.Screen()[^1].TrimEnd());

        ui.Press(Key.Esc);

        Assert.True(ui.WaitUntil(() => !ui.Window.Probing, TimeSpan.FromSeconds(5)), "Esc did not stop the probe");
        Assert.True(silent.Closed.Wait(TimeSpan.FromSeconds(10)), "the probe's connection stayed open after Esc: the token did not reach the socket");
        Assert.Equal("p.con.redirection", ctl.Current.Id); // the manual question
        Assert.Contains("answer the question yourself", ui.ScreenText());
        Assert.Contains(SessionStore.Load(ctl.SessionPath).History, h => h.Event == "probe amt.redirection: skipped by the user");
    }

    [Fact]
    public void TheWindowStaysResponsive_WhileAProbeRuns_AndAClickOnSkipCancelsIt()
    {
        var cancelled = new TaskCompletionSource();
        var probe = ScriptedProbe.Hanging("amt.redirection", cancelled);
        var ctl = _f.Live(new ProbeRunner([probe]));
        ctl.Fire(Trigger.Jump("p.con.redirection"));
        using var ui = TuiHarness.Start(ctl);
        Assert.True(ui.WaitUntil(() => ui.Window.Probing));

        ui.Press(Key.PageDown).Type("?"); // scrolling and the help still work
        Assert.Equal("Keys", ui.Read(() => (ui.App.TopRunnable as Dialog)?.Title));
        ui.Press(Key.Enter); // close the help
        Assert.True(ui.WaitUntil(() => ui.App.TopRunnable == ui.Window));

        var rows = ui.Screen();
        var row = Array.FindIndex(rows, r => r.Contains("Skip (Esc)", StringComparison.Ordinal));
        ui.Click(rows[row].IndexOf("Skip", StringComparison.Ordinal), row);

        Assert.True(ui.WaitUntil(() => cancelled.Task.IsCompleted, TimeSpan.FromSeconds(10)), "the probe's token was not cancelled");
        Assert.True(ui.WaitUntil(() => !ui.Window.Probing));
    }

    [Theory]
    [InlineData("ctrl-c")]
    [InlineData("q")]
    public void LeavingWhileAProbeRuns_DoesNotWaitForItsTimeout(string how)
    {
        var cancelled = new TaskCompletionSource();
        var ctl = _f.Live(new ProbeRunner([ScriptedProbe.Hanging("amt.redirection", cancelled)]), context: () => new ProbeContext { Target = "amt.test", Timeout = TimeSpan.FromSeconds(300) });
        ctl.Fire(Trigger.Jump("p.con.redirection"));
        using var ui = TuiHarness.Start(ctl);
        Assert.True(ui.WaitUntil(() => ui.Window.Probing));

        if (how == "q")
        {
            ui.Type("q").Press(Key.Enter); // asks first, even while the check runs
        }
        else
        {
            ui.Press(Key.C.WithCtrl);
        }

        Assert.True(ui.WaitForEnd(TimeSpan.FromSeconds(20)), "the wizard waited for the probe");
        Assert.True(ui.WaitUntil(() => cancelled.Task.IsCompleted, TimeSpan.FromSeconds(10)), "the probe's token was not cancelled");
        Assert.Equal("p.con.redirection", SessionStore.Load(ctl.SessionPath).State.Current);
    }

    [Theory]
    [InlineData("de", "AMT-Kennwort", "esc")]
    [InlineData("ja", "AMT パスワード", "ctrl-d")]
    public void ThePasswordDialog_IsInTheSessionsLanguage_AndEscOrCtrlDCancelIt(string lang, string title, string how)
    {
        var host = new CliHost { In = TextReader.Null, Out = TextWriter.Null, Err = TextWriter.Null };
        var probe = new ScriptedProbe("amt.redirection", (c, _) => Task.FromResult(ProbeResult.Inconclusive("amt.redirection", c.Password ?? "no password")));
        var ctl = _f.Live(new ProbeRunner([probe]), lang: lang, context: () => new ProbeContext { Target = "amt.test", Password = host.Password.Ask?.Invoke("admin", "amt.test") });
        ctl.Fire(Trigger.Jump("p.con.redirection"));
        using var ui = TuiHarness.Start(ctl, escapeHold: TimeSpan.FromMilliseconds(50), configure: w => host.Password.Ask = w.AskPassword);
        Assert.Equal(title, ui.Read(() => (ui.App.TopRunnable as Dialog)?.Title));
        Assert.Contains("admin@amt.test", ui.ScreenText());

        ui.Type("ls -l"); // what would otherwise be the next shell command
        ui.Press(how == "esc" ? Key.Esc : Key.D.WithCtrl);

        Assert.True(ui.WaitUntil(() => probe.Runs == 1 && !ui.Window.Probing));
        Assert.Null(probe.Contexts.Single().Password);
        Assert.False(ui.Ended);
    }

    [Fact]
    public void AnsweringWhileAProbeRuns_DropsTheProbe_AndTakesTheAnswer()
    {
        var cancelled = new TaskCompletionSource();
        var ctl = _f.Live(new ProbeRunner([ScriptedProbe.Hanging("amt.redirection", cancelled)]));
        ctl.Fire(Trigger.Jump("p.con.redirection"));
        using var ui = TuiHarness.Start(ctl);
        Assert.True(ui.WaitUntil(() => ui.Window.Probing));

        ui.Answer(1);

        Assert.True(ui.WaitUntil(() => cancelled.Task.IsCompleted, TimeSpan.FromSeconds(10)));
        Assert.Equal("console.redirection-disabled", ctl.Current.Id);
    }

    [Fact]
    public void BackToACheckThatPassed_SaysItPassed_NotThatItCouldNotDecide()
    {
        var pass = new ScriptedProbe("amt.reachable", (_, _) => Task.FromResult(ProbeResult.Pass("amt.reachable", "port 16992 answers")));
        var hang = ScriptedProbe.Hanging("amt.general", new TaskCompletionSource());
        var ctl = _f.Live(new ProbeRunner([pass, hang]));
        ctl.Fire(Trigger.Jump("p.con.reachable"));
        using var ui = TuiHarness.Start(ctl);
        Assert.True(ui.WaitUntil(() => ctl.Current.Id == "p.con.fqdn-match"));
        // The next check's page shows only its own state, not the previous check's evidence on top.
        Assert.DoesNotContain("port 16992 answers", ui.ScreenText());

        ui.Press(Key.Esc);
        Assert.True(ui.WaitUntil(() => !ui.Window.Probing));
        ui.Press(Key.CursorLeft);

        Assert.Equal("p.con.reachable", ctl.Current.Id);
        var screen = ui.ScreenText();
        Assert.Contains("port 16992 answers", screen);
        Assert.Contains("decided last time", screen);
        Assert.DoesNotContain("could not decide", screen);
        Assert.Equal(1, pass.Runs); // Back never re-runs a check
    }

    [Fact]
    public void DidItWork_ReRunsTheCheck_AndStaysWhileTheFaultIsThere()
    {
        var fixedNow = false;
        var probe = new ScriptedProbe("amt.redirection", (_, _) => Task.FromResult(fixedNow
            ? ProbeResult.Pass("amt.redirection", "redirection enabled")
            : ProbeResult.Finding("amt.redirection", "disabled", "Serial over LAN disabled")));
        var ctl = _f.Live(new ProbeRunner([probe]));
        ctl.Fire(Trigger.Jump("p.con.redirection"));
        using var ui = TuiHarness.Start(ctl);
        Assert.True(ui.WaitUntil(() => ctl.Current.Id == "console.redirection-disabled"));

        ui.Answer(1); // "Yes, it works now" - but it does not
        Assert.True(ui.WaitUntil(() => probe.Runs == 2 && !ui.Window.Probing));
        Assert.Equal("console.redirection-disabled", ctl.Current.Id);
        Assert.Contains("still there", ui.Read(() => ui.Window.Message));

        fixedNow = true;
        ui.Answer(1);
        Assert.True(ui.WaitUntil(() => ctl.Current.Id == "end.resolved"));
        Assert.Equal(3, probe.Runs);
        Assert.Contains("Marked as resolved", ui.Read(() => ui.Window.Message));
    }

    [Theory]
    [InlineData("en", "then answer again.")]
    [InlineData("de", "dann erneut antworten.")]
    [InlineData("ja", "もう一度回答してください。")]
    public async Task TheReCheckMessage_WrapsAt80Columns_AndItsLastWordsAreOnScreen(string lang, string lastWords)
    {
        // The trial at 80x24: "... are disabled). Lösung anwende…" - the message was cut at two rows.
        await using var device = await Lab.LabDevice.StartAsync(Lab.LabScenarios.Find("redirection-disabled")!, IPAddress.Parse("127.213.0.8"), Lab.LabPorts.Ephemeral, Lab.LabCredentials.Random());
        var run = new ProbeRun();
        var ctl = _f.Live(ProbeCatalog.Runner(device.Endpoint.CreateProbeOptions()), lang, target: device.Endpoint.Host, context: () => device.Endpoint.CreateProbeContext(run: run));
        ctl.Fire(Trigger.Jump("p.con.redirection"));
        using var ui = TuiHarness.Start(ctl, 80, 24);
        Assert.True(ui.WaitUntil(() => ctl.Current.Id == "console.redirection-disabled" && !ui.Window.Probing));

        ui.Answer(1); // "yes, it works now": the re-check still finds it off
        Assert.True(ui.WaitUntil(() => !ui.Window.Probing && ui.Window.Message is not null));
        var message = ui.Read(() => ui.Window.Message)!;
        Assert.EndsWith(lastWords, message);

        ui.Settle();
        var shown = ui.Read(() => ui.Window.InfoText);
        Assert.DoesNotContain("…", shown);
        Assert.Equal(Squeeze(message), Squeeze(shown)); // all of it, wrapped
        Assert.Contains(Squeeze(lastWords), Squeeze(ui.ScreenText()));
        Assert.Contains(ui.Read(() => ui.Window.Answers.Labels[1]), ui.ScreenText()); // the answers keep their rows
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void ThePasswordDialog_IsMasked_EscCancelsIt_AndTheChecksAreAskedByHand()
    {
        var host = new CliHost { In = TextReader.Null, Out = TextWriter.Null, Err = TextWriter.Null };
        var password = new Lazy<string?>(() => host.Password.Ask?.Invoke("admin", "amt.test"));
        var probe = new ScriptedProbe("amt.redirection", (c, _) => Task.FromResult(c.Password is null
            ? ProbeResult.Inconclusive("amt.redirection", "no AMT password")
            : ProbeResult.Pass("amt.redirection", "enabled")));
        var ctl = _f.Live(new ProbeRunner([probe]), context: () => new ProbeContext { Target = "amt.test", Password = password.Value });
        ctl.Fire(Trigger.Jump("p.con.redirection"));
        // The session resumes at the check: its first probe asks for the password at once.
        using var ui = TuiHarness.Start(ctl, escapeHold: TimeSpan.FromMilliseconds(50), configure: w => host.Password.Ask = w.AskPassword);
        Assert.Equal("AMT password", ui.Read(() => (ui.App.TopRunnable as Dialog)?.Title));
        ui.Type("s3cret");
        Assert.DoesNotContain("s3cret", ui.ScreenText());
        ui.Press(Key.Esc);

        Assert.True(ui.WaitUntil(() => probe.Runs == 1 && !ui.Window.Probing));
        Assert.Null(probe.Contexts.Single().Password);
        Assert.Equal("p.con.redirection", ctl.Current.Id);
        Assert.Contains("could not decide", ui.ScreenText());
        Assert.DoesNotContain("s3cret", File.ReadAllText(ctl.SessionPath));
    }

    [Fact]
    public void CtrlC_InThePasswordDialog_SavesAndLeaves()
    {
        var host = new CliHost { In = TextReader.Null, Out = TextWriter.Null, Err = TextWriter.Null };
        var ctl = _f.Live(new ProbeRunner([]), context: () => new ProbeContext { Password = host.Password.Ask?.Invoke("admin", "amt.test") });
        ctl.Fire(Trigger.Jump("p.con.redirection"));
        using var ui = TuiHarness.Start(ctl, configure: w => host.Password.Ask = w.AskPassword);
        Assert.Equal("AMT password", ui.Read(() => (ui.App.TopRunnable as Dialog)?.Title));

        ui.Type("ls -l").Press(Key.C.WithCtrl);

        Assert.True(ui.WaitForEnd());
        Assert.Equal("p.con.redirection", SessionStore.Load(ctl.SessionPath).State.Current);
    }

    [Fact]
    public async Task ARefusedPassword_IsAskedAgainInADialog_AndNeverSentTwice()
    {
        // A real lab device (HTTP Digest): the first password is wrong.
        await using var device = await Lab.LabDevice.StartAsync(Lab.LabScenarios.Find("healthy")!, System.Net.IPAddress.Parse("127.213.0.7"), Lab.LabPorts.Ephemeral, Lab.LabCredentials.Random());
        var run = new ProbeRun();
        var runner = ProbeCatalog.Runner(device.Endpoint.CreateProbeOptions());
        var ctl = _f.Live(runner, target: device.Endpoint.Host, context: () => device.Endpoint.CreateProbeContext(run: run).With(password: "Wrong-password"));
        ctl.Fire(Trigger.Jump("p.con.redirection"));
        using var ui = TuiHarness.Start(ctl);

        Assert.True(ui.WaitUntil(() => (ui.App.TopRunnable as Dialog)?.Title == "AMT password"));
        Assert.Contains("refused the password", ui.ScreenText());
        Assert.Equal(1, device.RefusedAuthorizations);
        ui.Type(device.Endpoint.Password).Press(Key.Enter);

        Assert.True(ui.WaitUntil(() => ctl.Current.Id == "console.prerequisites")); // p.con.redirection's pass
        Assert.Equal(1, device.RefusedAuthorizations);
        Assert.DoesNotContain(device.Endpoint.Password, File.ReadAllText(ctl.SessionPath));
    }

    public void Dispose() => _f.Dispose();

    /// <summary>Accepts one connection, reads what comes and never answers; notes when the client hangs up.</summary>
    private sealed class SilentDevice : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public SilentDevice()
        {
            _listener.Start();
            _ = Task.Run(async () =>
            {
                using var client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                Connected.Set();
                var buffer = new byte[4096];
                try
                {
                    while (await client.GetStream().ReadAsync(buffer).ConfigureAwait(false) > 0)
                    {
                    }
                }
                catch (IOException)
                {
                }

                Closed.Set();
            });
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public ManualResetEventSlim Connected { get; } = new();

        public ManualResetEventSlim Closed { get; } = new();

        public void Dispose() => _listener.Stop();
    }
}
