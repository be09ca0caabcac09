using OobWizard.Cli.Tui;
using OobWizard.Cli.Wizard;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace OobWizard.Cli.Tests.Support;

/// <summary>
/// Runs the real wizard window in a real Terminal.Gui main loop (ANSI driver, headless) on its own
/// thread, and drives it the way a user would: keys and mouse go through the application's input
/// path, dialogs run their own nested loops, probes run in the background. Every call into the UI
/// goes through <c>app.Invoke</c>, so the test never touches views from another thread.
/// </summary>
public sealed class TuiHarness : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _ready = new();
    private readonly ManualResetEventSlim _done = new();
    private Exception? _failure;

    private TuiHarness(WizardController ctl, int width, int height, TuiOptions options, bool monochrome, TimeSpan? escapeHold, Action<WizardWindow>? configure)
    {
        Controller = ctl;
        _thread = new Thread(() =>
        {
            try
            {
                using var app = Application.Create();
                app.Init(DriverRegistry.Names.ANSI);
                app.Driver!.SetScreenSize(width, height);
                using var window = new WizardWindow(ctl, new TuiTheme(monochrome), options);
                Joiner = new EscapeSequenceJoiner(app, escapeHold);
                Joiner.Attach();
                App = app;
                Window = window;
                configure?.Invoke(window);
                _ready.Set();
                app.Run(window);
            }
            catch (Exception ex)
            {
                _failure = ex;
                _ready.Set();
            }
            finally
            {
                _done.Set();
            }
        })
        { IsBackground = true, Name = "tui-harness" };
        _thread.Start();
        if (!_ready.Wait(Bound) || _failure is not null)
        {
            throw new InvalidOperationException("the wizard window did not start", _failure);
        }

        Settle();
    }

    public IApplication App { get; private set; } = null!;

    public WizardWindow Window { get; private set; } = null!;

    public EscapeSequenceJoiner Joiner { get; private set; } = null!;

    public WizardController Controller { get; }

    private IInputProcessor Processor => App.Driver!.GetInputProcessor();

    /// <summary>True once the window's run loop ended (the user left).</summary>
    public bool Ended => _done.IsSet;

    /// <param name="configure">Runs before the window starts (its first probe may already need what it sets up).</param>
    public static TuiHarness Start(WizardController ctl, int width = 80, int height = 24, TuiOptions? options = null, bool monochrome = false, TimeSpan? escapeHold = null, Action<WizardWindow>? configure = null) =>
        new(ctl, width, height, options ?? new TuiOptions { Clipboard = new RecordingClipboard(), CurrentDirectory = Path.GetTempPath() }, monochrome, escapeHold, configure);

    /// <summary>
    /// Presses a key: encoded as the terminal would send it and queued for the ANSI driver's input
    /// parser (a thread-safe queue the main loop, or a dialog's nested loop, reads), then waits
    /// two loop round trips so it has been handled.
    /// </summary>
    public TuiHarness Press(Key key)
    {
        Processor.InjectKeyDownEvent(key);
        Settle();
        return this;
    }

    public TuiHarness Press(params Key[] keys)
    {
        foreach (var key in keys)
        {
            Press(key);
        }

        return this;
    }

    /// <summary>Types text one character at a time.</summary>
    public TuiHarness Type(string text)
    {
        foreach (var c in text)
        {
            Press(new Key(c));
        }

        return this;
    }

    /// <summary>Chooses an answer as a user does: types its number (which only highlights it), then Enter.</summary>
    public TuiHarness Answer(int number) => Type(number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Press(Key.Enter);

    /// <summary>
    /// Replaces the text of the focused input field the way a user does: to its end, Backspace
    /// until it is empty, then types <paramref name="text"/>.
    /// </summary>
    public TuiHarness ReplaceText(string text)
    {
        var length = Read(app => ((app.TopRunnable as Terminal.Gui.ViewBase.View)?.MostFocused as TextField)?.Text.Length ?? 0);
        Press(Key.End);
        for (var i = 0; i < length; i++)
        {
            Processor.InjectKeyDownEvent(Key.Backspace);
        }

        Settle();
        return Type(text);
    }

    /// <summary>Feeds raw terminal input (bytes as the terminal sends them) to the ANSI driver's parser.</summary>
    public TuiHarness Raw(string input)
    {
        foreach (var c in input)
        {
            ((InputProcessorImpl<char>)Processor).InputQueue.Enqueue(c);
        }

        Settle();
        return this;
    }

    /// <summary>A mouse event at a screen position, through the application's mouse path.</summary>
    public TuiHarness Mouse(MouseFlags flags, int x, int y)
    {
        Processor.InjectMouseEvent(App, new Terminal.Gui.Input.Mouse { Flags = flags, ScreenPosition = new System.Drawing.Point(x, y) });
        Settle();
        return this;
    }

    public TuiHarness Click(int x, int y) => Mouse(MouseFlags.LeftButtonPressed, x, y).Mouse(MouseFlags.LeftButtonReleased, x, y);

    public TuiHarness Resize(int width, int height)
    {
        Post(app => app.Driver!.SetScreenSize(width, height));
        return this;
    }

    /// <summary>The screen as text, one string per row (wide glyphs as the driver stores them).</summary>
    public string[] Screen() => Read(app =>
    {
        app.LayoutAndDraw(forceRedraw: true);
        return app.Driver!.ToString()!.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
    });

    public string ScreenText() => string.Join("\n", Screen());

    /// <summary>Reads something on the UI thread.</summary>
    public T Read<T>(Func<IApplication, T> read)
    {
        var result = default(T)!;
        Post(app => result = read(app), waitForCompletion: true);
        return result;
    }

    public T Read<T>(Func<T> read) => Read(_ => read());

    /// <summary>Polls a condition on the UI thread until it holds (false after the bound).</summary>
    public bool WaitUntil(Func<bool> condition, TimeSpan? bound = null)
    {
        var until = DateTime.UtcNow + (bound ?? Bound);
        while (DateTime.UtcNow < until)
        {
            if (Ended || Read(condition))
            {
                return !Ended || condition();
            }

            Thread.Sleep(20);
        }

        return false;
    }

    /// <summary>Waits for two round trips of the main loop (anything posted before has run, or opened a dialog that runs).</summary>
    public void Settle()
    {
        for (var i = 0; i < 2 && !Ended; i++)
        {
            Post(_ => { }, waitForCompletion: true);
        }
    }

    public bool WaitForEnd(TimeSpan? bound = null) => _done.Wait(bound ?? Bound);

    public void Dispose()
    {
        if (!Ended)
        {
            try
            {
                App.Invoke(() => Window.SaveAndLeave());
            }
            catch (Exception)
            {
            }

            _done.Wait(Bound);
        }

        _ready.Dispose();
    }

    // Runs an action on the UI thread. Without waitForCompletion it waits only until the action has
    // started and the loop has gone round once more (a key that opens a dialog never "completes"
    // until the dialog closes; the dialog's own loop handles what comes next).
    private void Post(Action<IApplication> action, bool waitForCompletion = false)
    {
        if (Ended)
        {
            return;
        }

        var started = new ManualResetEventSlim();
        var finished = new ManualResetEventSlim();
        Exception? error = null;
        App.Invoke(app =>
        {
            started.Set();
            try
            {
                action(app);
            }
            catch (Exception ex)
            {
                error = ex;
            }
            finally
            {
                finished.Set();
            }
        });
        WaitHandle.WaitAny([started.WaitHandle, _done.WaitHandle], Bound);
        if (waitForCompletion)
        {
            WaitHandle.WaitAny([finished.WaitHandle, _done.WaitHandle], Bound);
        }
        else
        {
            Settle();
        }

        if (error is not null)
        {
            throw new InvalidOperationException("the UI action failed", error);
        }
    }
}
