using Spectre.Console;
using Spectre.Console.Rendering;

namespace OobWizard.Cli.Tests.Support;

/// <summary>
/// A console whose key queue, once empty, reads as a closed terminal (<c>ReadKey</c> returns null),
/// for the tests that check the wizard saves and ends when its terminal goes away. Spectre.Console.Testing's
/// <c>TestConsole</c> throws on an empty queue instead, so every other test uses that one.
/// </summary>
public sealed class ClosingTerminalConsole : IAnsiConsole
{
    private readonly IAnsiConsole _inner;
    private readonly StringWriter _writer = new();

    public ClosingTerminalConsole(int width = 80, int height = 24)
    {
        _inner = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
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

    public void WriteAnsi(Action<AnsiWriter> action) => _inner.WriteAnsi(action);

    public sealed class KeyQueue : IAnsiConsoleInput
    {
        private readonly Queue<ConsoleKeyInfo> _keys = new();

        public KeyQueue Push(char ch)
        {
            _keys.Enqueue(new ConsoleKeyInfo(ch, TestConsoleKeys.KeyOf(ch), false, false, false));
            return this;
        }

        public KeyQueue Push(ConsoleKey key, char ch)
        {
            _keys.Enqueue(new ConsoleKeyInfo(ch, key, false, false, false));
            return this;
        }

        public bool IsKeyAvailable() => _keys.Count > 0;

        // An empty queue is like a closed terminal: the front end must save and stop.
        public ConsoleKeyInfo? ReadKey(bool intercept) => _keys.Count > 0 ? _keys.Dequeue() : null;

        public Task<ConsoleKeyInfo?> ReadKeyAsync(bool intercept, CancellationToken cancellationToken) => Task.FromResult(ReadKey(intercept));
    }
}
