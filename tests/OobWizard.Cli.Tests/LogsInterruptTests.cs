using OobWizard.Cli.Tests.Support;

namespace OobWizard.Cli.Tests;

/// <summary>Ctrl+C stops every long read of `logs`: a huge file, an endless pipe. Exit 130, one line.</summary>
public sealed class LogsInterruptTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oobw-logs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Ctrl_c_stops_reading_a_huge_log_file()
    {
        var huge = Path.Combine(_dir, "Amtopmgr.log");
        using (var f = new FileStream(huge, FileMode.CreateNew))
        {
            f.SetLength(64L << 30); // 64 GiB of zeros, sparse: costs no disk
        }

        using var cts = new CancellationTokenSource();
        var (exit, error) = await Run(new StringReader(""), cts, ["logs", huge], afterStart: () => cts.CancelAfter(TimeSpan.FromMilliseconds(300)));

        Assert.Equal(130, exit);
        Assert.Contains("interrupted", Assert.Single(error.Trim().Split('\n')));
    }

    [Fact]
    public async Task Ctrl_c_stops_reading_an_endless_pipe()
    {
        using var cts = new CancellationTokenSource();
        var endless = new EndlessLog(afterLines: 5_000, cts.Cancel);

        var (exit, error) = await Run(endless, cts, ["logs", "-"]);

        Assert.Equal(130, exit);
        Assert.Contains("interrupted", error);
    }

    private static async Task<(int Exit, string Error)> Run(TextReader input, CancellationTokenSource cts, string[] args, Action? afterStart = null)
    {
        var error = new StringWriter();
        var host = new CliHost { In = input, Out = new StringWriter(), Err = error, Env = _ => null };
        var run = Task.Run(() => CliApp.RunAsync(["--content", Repo.Content, .. args], host, cts.Token));
        afterStart?.Invoke();
        // A liveness guard, not a timing bound: on a build without the fix this read never ends.
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(3)));
        Assert.True(finished == run, "the read did not stop after Ctrl+C");
        return (await run, error.ToString());
    }

    /// <summary>Log lines forever (a `tail -f` that never ends); cancels after a number of lines, as a user's Ctrl+C would.</summary>
    private sealed class EndlessLog(int afterLines, Action cancel) : TextReader
    {
        private const string Line = "<![LOG[Still waiting for the device]LOG]!><time=\"10:03:25.123+000\" date=\"12-10-2009\" component=\"amtopmgr\" context=\"\" type=\"1\" thread=\"1\" file=\"x\">\n";
        private int _pos;
        private int _lines;

        public override int Read(char[] buffer, int index, int count)
        {
            for (var i = 0; i < count; i++)
            {
                buffer[index + i] = Line[_pos];
                _pos = (_pos + 1) % Line.Length;
                if (_pos == 0 && ++_lines == afterLines)
                {
                    cancel();
                }
            }

            return count;
        }

        public override int Read() => Read(new char[1], 0, 1) == 1 ? Line[(_pos + Line.Length - 1) % Line.Length] : -1;

        public override int Peek() => Line[_pos];
    }
}
