using OobWizard.Cli.Tests.Support;

namespace OobWizard.Cli.Tests;

/// <summary>No user-facing path shows a stack trace: an unexpected error is one line and exit 1; --debug prints the trace.</summary>
public sealed class UnexpectedErrorTests
{
    [Fact]
    public async Task A_closed_output_pipe_is_one_line_and_exit_one_not_a_stack_trace()
    {
        var error = new StringWriter();
        var host = new CliHost { In = new StringReader(""), Out = new ClosedPipe(), Err = error, Env = _ => null };

        var exit = await CliApp.RunAsync(["--content", Repo.Content, "graph", "--format", "dot"], host);

        Assert.Equal(1, exit);
        var line = Assert.Single(error.ToString().Trim().Split('\n'));
        Assert.Contains("Broken pipe", line);
        Assert.Contains("--debug", line);
        Assert.DoesNotContain(" at ", line);
    }

    [Fact]
    public async Task With_debug_the_stack_trace_is_printed()
    {
        var error = new StringWriter();
        var host = new CliHost { In = new StringReader(""), Out = new ClosedPipe(), Err = error, Env = _ => null };

        var exit = await CliApp.RunAsync(["--content", Repo.Content, "graph", "--format", "dot", "--debug"], host);

        Assert.Equal(1, exit);
        Assert.Contains("   at ", error.ToString());
    }

    [Fact]
    public void Release_builds_are_deterministic_and_map_the_source_paths()
    {
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(Repo.Root, "Directory.Build.props"));
        var release = props.Root!.Elements("PropertyGroup")
            .Where(g => ((string?)g.Attribute("Condition") ?? "").Contains("'$(Configuration)' == 'Release'", StringComparison.Ordinal))
            .SelectMany(g => g.Elements())
            .ToDictionary(e => e.Name.LocalName, e => e.Value);

        Assert.Equal("true", release.GetValueOrDefault("ContinuousIntegrationBuild"));
        Assert.Equal("true", release.GetValueOrDefault("Deterministic"));
        Assert.Contains("=/_/", release.GetValueOrDefault("PathMap") ?? "");
    }

    /// <summary>Standard output after the reader went away (`oobwizard graph | head -1`).</summary>
    private sealed class ClosedPipe : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new IOException("Broken pipe");

        public override void Write(string? value) => throw new IOException("Broken pipe");
    }
}
