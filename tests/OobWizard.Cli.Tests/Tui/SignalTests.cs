using System.Diagnostics;
using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Sessions;

namespace OobWizard.Cli.Tests.Tui;

/// <summary>
/// SIGTERM and SIGHUP on the real binary in a real pseudo-terminal (util-linux <c>script</c>):
/// the session is saved, the alternate screen and mouse modes are switched off, and the
/// terminal's settings (raw mode) are exactly what they were before.
/// </summary>
public sealed class SignalTests
{
    [SkippableTheory]
    [InlineData("TERM")]
    [InlineData("HUP")]
    public void ASignal_SavesTheSession_AndRestoresTheTerminal(string signal)
    {
        var script = new[] { "/usr/bin/script", "/bin/script" }.FirstOrDefault(File.Exists);
        if (script is null && Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail("CI=true and util-linux 'script' is missing (apt-get install bsdutils)");
        }

        Skip.If(script is null, "needs util-linux 'script' for a pseudo-terminal");
        using var dir = new TempFolder();
        var session = Path.Combine(dir.Path, "s.json");
        var binary = Path.Combine(AppContext.BaseDirectory, "oobwizard.dll");
        // Inside the pty: note the terminal settings, run the wizard, compare them afterwards.
        var inner = $"stty rows 24 cols 80; before=$(stty -g); dotnet '{binary}' --offline --lang en --session '{session}'; "
            + "[ \"$(stty -g)\" = \"$before\" ] && echo TTY-RESTORED || echo TTY-CHANGED";
        var start = new ProcessStartInfo(script!, ["-qfec", inner, "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["TERM"] = "xterm-256color";
        start.Environment["DisableRealDriverIO"] = null;
        start.Environment["OOBW_SESSION_DIR"] = dir.Path;
        using var process = Process.Start(start)!;
        // The screen has no line ends until the wizard leaves: read characters, not lines.
        var output = new System.Text.StringBuilder();
        var reader = new Thread(() =>
        {
            var buffer = new char[4096];
            int n;
            while ((n = process.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (output)
                {
                    output.Append(buffer, 0, n);
                }
            }
        })
        { IsBackground = true };
        reader.Start();
        string Output()
        {
            lock (output)
            {
                return output.ToString();
            }
        }

        try
        {
            Assert.True(WaitFor(() => Output().Contains("What is going wrong?", StringComparison.Ordinal), TimeSpan.FromSeconds(60)), "the wizard did not draw:\n" + Output());
            var wizard = Process.GetProcesses().FirstOrDefault(p => IsWizard(p, session));
            Assert.NotNull(wizard);

            Process.Start("kill", ["-" + signal, wizard!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "the wizard did not end after SIG" + signal);
            reader.Join(TimeSpan.FromSeconds(10));
            var text = Output();
            Assert.Contains("\u001b[?1049l", text); // back from the alternate screen
            Assert.Contains("\u001b[?1003l", text); // mouse reporting off
            Assert.Contains("TTY-RESTORED", text);
            Assert.Equal(Core.Tree.Node.StartId, SessionStore.Load(session).State.Current);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>
    /// The terminal itself goes away (tmux kill-session: the pty closes and SIGHUP follows, as when an SSH link drops).
    /// Found by hand: the wizard stayed alive at 50-70 % CPU, holding its session lock. It must end on its own, with the
    /// step taken before in the file and no lock left behind.
    /// </summary>
    [SkippableFact]
    public void TheTerminalClosing_EndsTheWizard_WithItsStepsSaved_AndNoLockLeft()
    {
        var tmux = new[] { "/usr/bin/tmux", "/bin/tmux" }.FirstOrDefault(File.Exists);
        if (tmux is null && Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail("CI=true and tmux is missing");
        }

        Skip.If(tmux is null, "needs tmux");
        using var dir = new TempFolder();
        var session = Path.Combine(dir.Path, "s.json");
        var binary = Path.Combine(AppContext.BaseDirectory, "oobwizard.dll");
        var name = "oobw-hup-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var socket = Path.Combine(dir.Path, "tmux.sock");
        string Tmux(params string[] args)
        {
            var start = new ProcessStartInfo(tmux!, ["-S", socket, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.Environment["TERM"] = "xterm-256color";
            using var p = Process.Start(start)!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return text;
        }

        Tmux("new-session", "-d", "-s", name, "-x", "80", "-y", "24",
            $"env -u DisableRealDriverIO OOBW_SESSION_DIR='{dir.Path}' dotnet '{binary}' --offline --lang en --session '{session}'");
        try
        {
            Assert.True(WaitFor(() => Tmux("capture-pane", "-p", "-t", name).Contains("What is going wrong?", StringComparison.Ordinal), TimeSpan.FromSeconds(60)), "the wizard did not draw");
            var wizard = Process.GetProcesses().FirstOrDefault(p => IsWizard(p, session));
            Assert.NotNull(wizard);
            Tmux("send-keys", "-t", name, "Enter");
            Assert.True(WaitFor(() => File.Exists(session) && SessionStore.Load(session).State.Path.Count == 2, TimeSpan.FromSeconds(30)), "the first answer was not saved");
            var saved = SessionStore.Load(session).State.Current;

            Tmux("kill-session", "-t", name);

            Assert.True(wizard!.WaitForExit(TimeSpan.FromSeconds(60)), "the wizard outlived its terminal");
            Assert.Equal(saved, SessionStore.Load(session).State.Current);
            Assert.False(File.Exists(SessionLock.PathFor(session)), "a lock was left behind");
        }
        finally
        {
            Tmux("kill-server");
            foreach (var p in Process.GetProcesses().Where(p => IsWizard(p, session)))
            {
                p.Kill();
            }
        }
    }

    private static bool IsWizard(Process p, string session)
    {
        try
        {
            return File.ReadAllText($"/proc/{p.Id}/cmdline").Replace('\0', ' ').Contains("oobwizard.dll --offline", StringComparison.Ordinal)
                && File.ReadAllText($"/proc/{p.Id}/cmdline").Contains(session, StringComparison.Ordinal)
                && !File.ReadAllText($"/proc/{p.Id}/cmdline").StartsWith("/usr/bin/script", StringComparison.Ordinal)
                && !File.ReadAllText($"/proc/{p.Id}/cmdline").Contains("stty", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool WaitFor(Func<bool> condition, TimeSpan bound)
    {
        var until = DateTime.UtcNow + bound;
        while (DateTime.UtcNow < until)
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(100);
        }

        return false;
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("oobw-signal-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
