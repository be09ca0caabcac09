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

    /// <summary>Each standard stream on its own: whether it is a terminal (scan asks on stdin and draws its progress where one is).</summary>
    public bool InputIsTerminal { get; init; }

    public bool OutputIsTerminal { get; init; }

    public bool ErrorIsTerminal { get; init; }

    /// <summary>The console for the interactive UI; null when there is no terminal.</summary>
    public Func<IAnsiConsole>? InteractiveConsole { get; init; }

    /// <summary>Reads a secret without echo; null when there is no terminal to ask on.</summary>
    public Func<string, string?>? ReadSecret { get; init; }

    public static CliHost FromProcess() => new()
    {
        In = Console.In,
        Out = Console.Out,
        Err = Console.Error,
        IsTerminal = !Console.IsInputRedirected && !Console.IsOutputRedirected,
        InputIsTerminal = !Console.IsInputRedirected,
        OutputIsTerminal = !Console.IsOutputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
        InteractiveConsole = () =>
        {
            // Ctrl+C arrives as a key, so the wizard can save and leave cleanly instead of being
            // interrupted in the middle of reading a key (the session is saved after every step anyway).
            try
            {
                Console.TreatControlCAsInput = true;
            }
            catch (IOException)
            {
            }

            return AnsiConsole.Console;
        },
        ReadSecret = prompt => !Console.IsInputRedirected
            ? AnsiConsole.Prompt(new TextPrompt<string>(Markup.Escape(prompt)).Secret().AllowEmpty())
            : null,
    };

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
            return Fail($"{option} {path} is a saved session; it is never overwritten (name another file)");
        }

        try
        {
            AtomicFile.WriteAllText(path, text, force ? ExistingFile.Replace : ExistingFile.Refuse);
            return 0;
        }
        catch (FileWriteRefusedException ex) when (ex.Reason == WriteRefusal.Exists)
        {
            return Fail($"{option} {path} already exists; pass --force to replace it");
        }
        catch (FileWriteRefusedException ex)
        {
            return Fail($"{option}: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail($"{option} {path}: cannot write it: {AtomicFile.Reason(ex)}", 1);
        }
    }

    /// <summary>One "oobwizard: warning: ..." line on standard error.</summary>
    public void Warn(string message) => Err.WriteLine("oobwizard: warning: " + message);

    public int Fail(string message, int code = 2)
    {
        Err.WriteLine("oobwizard: " + message);
        return code;
    }
}
