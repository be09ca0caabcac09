using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OobWizard.Cli.Tests.Support;

/// <summary>
/// Our stand-in for Spectre.Console.Testing (not served here): renders to a string at a fixed size
/// with no colour, and reads keys from a queue.
/// </summary>
public sealed class TestConsole : IAnsiConsole
{
    private readonly IAnsiConsole _inner;
    private readonly StringWriter _writer = new();

    public TestConsole(int width = 80, int height = 24, bool ansi = false, bool interactive = true)
    {
        _inner = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(_writer),
        });
        _inner.Profile.Width = width;
        _inner.Profile.Height = height;
        _inner.Profile.Capabilities.Unicode = true;
        Keys = new KeyQueue();
    }

    public KeyQueue Keys { get; }

    public string Output => _writer.ToString();

    public Profile Profile => _inner.Profile;

    public IAnsiConsoleCursor Cursor => _inner.Cursor;

    public IAnsiConsoleInput Input => Keys;

    public IExclusivityMode ExclusivityMode => _inner.ExclusivityMode;

    public RenderPipeline Pipeline => _inner.Pipeline;

    public void Clear(bool home) => _inner.Clear(home);

    public void Write(IRenderable renderable) => _inner.Write(renderable);

    /// <summary>Lines of output with trailing spaces removed.</summary>
    public static string Trim(string text) =>
        string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()));

    public sealed class KeyQueue : IAnsiConsoleInput
    {
        private readonly Queue<ConsoleKeyInfo> _keys = new();

        public KeyQueue Push(ConsoleKey key, char ch = '\0', bool control = false)
        {
            _keys.Enqueue(new ConsoleKeyInfo(ch, key, false, false, control));
            return this;
        }

        public KeyQueue Push(char ch)
        {
            var key = char.IsLetter(ch) ? (ConsoleKey)char.ToUpperInvariant(ch) : char.IsDigit(ch) ? ConsoleKey.D0 + (ch - '0') : ConsoleKey.NoName;
            return Push(key, ch);
        }

        public bool IsKeyAvailable() => _keys.Count > 0;

        // An empty queue is like a closed terminal: the front end must save and stop.
        public ConsoleKeyInfo? ReadKey(bool intercept) => _keys.Count > 0 ? _keys.Dequeue() : null;

        public Task<ConsoleKeyInfo?> ReadKeyAsync(bool intercept, CancellationToken cancellationToken) => Task.FromResult(ReadKey(intercept));
    }
}
