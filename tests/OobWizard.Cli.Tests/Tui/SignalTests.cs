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
