using OobWizard.Core.Files;
using OobWizard.Core.Sessions;
using Spectre.Console;

namespace OobWizard.Cli;

/// <summary>
/// The outside world as the commands see it: streams, environment, terminal and clock. Tests pass
/// their own; <see cref="Program"/> passes the real ones.
/// </summary>
public sealed class CliHost
{
    public required TextReader In { get; init; }
    public required TextWriter Out { get; init; }
    public required TextWriter Err { get; init; }
    public Func<string, string?> Env { get; init; } = Environment.GetEnvironmentVariable;
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>True when stdin and stdout are a terminal (the interactive UI needs both).</summary>
    public bool IsTerminal { get; init; }

    /// <summary>
    /// Why the full-screen wizard cannot run here (no terminal, <c>TERM=dumb</c>), or null when it can.
    /// Plain line mode is used instead, with this as the note on stderr.
    /// </summary>
    public string? NoFullScreen { get; init; } = "no terminal on stdin/stdout";

    /// <summary>Each standard stream on its own: whether it is a terminal (scan asks on stdin and draws its progress where one is).</summary>
    public bool InputIsTerminal { get; init; }

    public bool OutputIsTerminal { get; init; }

    public bool ErrorIsTerminal { get; init; }

    /// <summary>Reads a secret without echo; null when there is no terminal to ask on (or the user cancels).</summary>
    public Func<string, string?>? ReadSecret { get; init; }

    /// <summary>How the wizard asks for the AMT password; set by the front end that runs.</summary>
    public PasswordPrompt Password { get; } = new();

    public static CliHost FromProcess()
    {
        var terminal = !Console.IsInputRedirected && !Console.IsOutputRedirected;
        return new()
        {
            In = Console.In,
            Out = Console.Out,
            Err = Console.Error,
            IsTerminal = terminal,
            InputIsTerminal = !Console.IsInputRedirected,
            OutputIsTerminal = !Console.IsOutputRedirected,
            ErrorIsTerminal = !Console.IsErrorRedirected,
            NoFullScreen = FullScreenCheck.Reason(terminal, Environment.GetEnvironmentVariable),
            ReadSecret = prompt => ConsoleSecretReader.Read(prompt, Console.Error),
        };
    }

    /// <summary>A console that writes plain text to <see cref="Out"/>: no ANSI, no colour, no cursor movement.</summary>
    public IAnsiConsole PlainConsole(int width = 80)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(new TrimmingWriter(Out)),
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = true;
        return console;
    }

    /// <summary>
    /// Writes a command's result to <paramref name="file"/> (--output) or to standard output. The file
    /// is written through <see cref="AtomicFile"/>: never over a saved session, over any other existing
    /// file only with <paramref name="force"/>, and never half.
    /// </summary>
    public int Emit(string text, FileInfo? file, bool force = false)
    {
        if (file is null)
        {
            Out.Write(text);
            return 0;
        }

        return WriteOutput(file.FullName, "--output", text, force);
    }

    /// <summary>Writes a file a user named with <paramref name="option"/>: the rules of <see cref="Emit"/>; 0, else the exit code after a one-line error.</summary>
    public int WriteOutput(string path, string option, string text, bool force)
    {
        if (SessionStore.Inspect(path) == SessionFileState.Session)
        {
            return Fail(Messages.Current.Format("error.output-is-session", option, path));
        }

        try
        {
            AtomicFile.WriteAllText(path, text, force ? ExistingFile.Replace : ExistingFile.Refuse);
            return 0;
        }
        catch (FileWriteRefusedException ex) when (ex.Reason == WriteRefusal.Exists)
        {
            return Fail(Messages.Current.Format("error.exists-force", option, path));
        }
        catch (FileWriteRefusedException ex)
        {
            return Fail($"{option}: {Localization.ErrorText.Of(ex)}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(Messages.Current.Format("error.cannot-write", option, path, AtomicFile.Reason(ex)), 1);
        }
    }

    /// <summary>One "oobwizard: warning: ..." line on standard error.</summary>
    public void Warn(string message) => Err.WriteLine("oobwizard: " + Messages.Current.Format("error.warning", message));

    public int Fail(string message, int code = 2)
    {
        Err.WriteLine("oobwizard: " + message);
        return code;
    }
}
