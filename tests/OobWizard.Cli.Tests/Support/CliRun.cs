using OobWizard.Core.Sessions;

namespace OobWizard.Cli.Tests.Support;

/// <summary>Runs the real command line in-process with piped stdin and captured stdout/stderr.</summary>
public sealed class CliRun : IDisposable
{
    public CliRun()
    {
        SessionDir = Directory.CreateTempSubdirectory("oobw-test-").FullName;
    }

    public string SessionDir { get; }

    public string Out { get; private set; } = "";

    public string Err { get; private set; } = "";

    public int Exit { get; private set; }

    public Dictionary<string, string?> Env { get; } = new();

    /// <summary>The content folder passed as --content (the repository's unless a test brings its own; null: no --content, so the built-in content or an override).</summary>
    public string? Content { get; set; } = Repo.Content;

    public CliRun Run(string stdin, params string[] args) => Run(new StringReader(stdin), args);

    /// <summary>Runs with <paramref name="stdin"/> as standard input (a reader that acts between lines, for example).</summary>
    public CliRun Run(TextReader stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new CliHost
        {
            In = stdin,
            Out = output,
            Err = error,
            Env = name => name == "OOBW_SESSION_DIR" ? SessionDir : Env.GetValueOrDefault(name),
            IsTerminal = false,
        };
        string[] content = Content is null ? [] : ["--content", Content];
        Exit = CliApp.RunAsync([.. content, .. args], host).GetAwaiter().GetResult();
        Out = output.ToString();
        Err = error.ToString();
        return this;
    }

    public string OnlySessionFile() => Directory.GetFiles(SessionDir, "*.json").Single();

    public Session LoadSession(string? path = null) => SessionStore.Load(path ?? OnlySessionFile());

    public void Dispose()
    {
        try
        {
            Directory.Delete(SessionDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
