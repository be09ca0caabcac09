using System.Text;
using OobWizard.Cli.Scan;
using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Files;
using OobWizard.Tests.Shared;

namespace OobWizard.Cli.Tests.Scan;

/// <summary>
/// `scan --targets FILE` and `--resume-from FILE` read through <see cref="InputFile"/>: /dev/zero, a FIFO, a folder
/// and a file over its kind's cap (<see cref="ReadLimit.TargetList"/>, <see cref="ReadLimit.ScanResults"/>) are refused
/// in one line with exit 2 before anything is opened; Ctrl+C stops a long read; a file of bad lines costs a counter,
/// not a string a line.
/// </summary>
public sealed class ScanInputFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oobw-scanfiles-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, string> Places()
    {
        var data = new TheoryData<string, string>();
        foreach (var place in new[] { "--targets", "--resume-from" })
        {
            foreach (var kind in SpecialFiles.HostileKinds)
            {
                data.Add(place, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Places))]
    public void A_special_or_oversized_list_is_refused_in_one_line(string place, string kind)
    {
        var limit = place == "--targets" ? ReadLimit.TargetList : ReadLimit.ScanResults;
        var (path, expected) = SpecialFiles.Hostile(kind, _dir, "list.txt", limit.MaxBytes);
        var targets = Path.Combine(_dir, "targets.csv");
        File.WriteAllText(targets, "127.0.0.1\n");
        string[] args = place == "--targets" ? ["scan", "--targets", path] : ["scan", "--targets", targets, "--resume-from", path];
        using var run = new CliRun();

        var finished = SpecialFiles.FinishesWithout(path, () => run.Run("", args));

        Assert.True(finished, $"{place} blocked on {path}");
        Assert.True(run.Exit == 2, $"{place} {kind}: exit {run.Exit}: {run.Err}");
        var line = Assert.Single(run.Err.Trim().Split('\n'));
        Assert.StartsWith($"oobwizard: {place} {path}", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        if (kind == "oversized") Assert.Contains($"a {limit.What} may be at most {ReadLimit.Format(limit.MaxBytes)}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_C_stops_reading_the_list()
    {
        var targets = Path.Combine(_dir, "targets.csv");
        File.WriteAllText(targets, string.Concat(Enumerable.Range(0, 1000).Select(i => $"pc{i}\n")));
        var err = new StringWriter();
        var host = new CliHost { In = new StringReader(""), Out = new StringWriter(), Err = err, Env = _ => null, IsTerminal = false };
        using var interrupted = new CancellationTokenSource();
        await interrupted.CancelAsync();

        var exit = await CliApp.RunAsync(["scan", "--targets", targets], host, interrupted.Token);

        Assert.Equal(130, exit);
        Assert.Equal("oobwizard: --targets: reading was interrupted; nothing was checked", err.ToString().Trim());
    }

    [Fact]
    public void A_list_of_bad_lines_keeps_the_first_ones_and_counts_them_all()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 200_000; i++) text.Append("not a host\n");

        var list = ScanTargetList.Parse(new StringReader(text.ToString()), "site.csv");

        Assert.Equal(200_000, list.ErrorCount);
        Assert.Equal(ScanTargetList.MaxKeptMessages, list.Errors.Count);
        Assert.StartsWith("site.csv:1: host 'not a host'", list.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("site.csv:100: ", list.Errors[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_counts_every_bad_line_but_shows_twenty()
    {
        var targets = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(targets, string.Concat(Enumerable.Repeat("not a host\n", 5000)));
        using var run = new CliRun();

        run.Run("", "scan", "--targets", targets);

        Assert.Equal(2, run.Exit);
        var lines = run.Err.Trim().Split('\n');
        Assert.Equal(22, lines.Length);
        Assert.Equal("oobwizard: ... and 4980 more", lines[20]);
        Assert.StartsWith("oobwizard: 5000 bad lines in the target list; nothing was checked", lines[21], StringComparison.Ordinal);
    }

    [Fact]
    public void The_resume_file_keeps_only_the_devices_of_the_list()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 50_000; i++) text.Append("{\"target\":\"10.0.").Append(i / 250).Append('.').Append(i % 250).Append("\",\"probes\":[]}\n");
        text.Append("{\"target\":\"10.0.0.1\",\"probes\":[\n");
        for (var i = 0; i < 300; i++) text.Append("garbage\n");
        var wanted = new HashSet<string>(StringComparer.Ordinal) { "10.0.0.1", "10.0.199.249", "pc-not-in-the-file" };

        var resume = ScanResumeFile.Read(new StringReader(text.ToString()), "done.jsonl", wanted);

        Assert.Null(resume.Error);
        Assert.Equal(new HashSet<string> { "10.0.0.1", "10.0.199.249" }, resume.Done);
        Assert.Equal(301, resume.WarningCount);
        Assert.Equal(ScanResumeFile.MaxKeptWarnings, resume.Warnings.Count);

        var noneOfThem = ScanResumeFile.Read(new StringReader(text.ToString()), "done.jsonl", new HashSet<string>(StringComparer.Ordinal) { "elsewhere" });
        Assert.Null(noneOfThem.Error); // records, just none of this list's devices
        Assert.Empty(noneOfThem.Done);
    }
}
