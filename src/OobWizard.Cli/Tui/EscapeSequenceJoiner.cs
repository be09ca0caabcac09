using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace OobWizard.Cli.Tui;

/// <summary>
/// Puts key sequences back together that Terminal.Gui's input parser gives up on, at the
/// application's key hook (before any view sees a key):
/// <list type="bullet">
/// <item>An escape sequence split over two reads (ESC, then <c>[B</c> 50 ms later on a laggy SSH
/// link): Terminal.Gui releases a lone ESC after 50 ms, then delivers <c>[</c> and <c>B</c> as
/// typed characters. Here a lone Esc is held for <see cref="Hold"/>; if <c>[</c> or <c>O</c> and
/// the rest of a sequence follow, they become the key they spell (arrow down), otherwise the Esc is
/// passed on when the hold ends (so Esc still works, only a moment later).</item>
/// <item>The Linux console's F1-F5 (<c>ESC [ [ A</c> ... <c>ESC [ [ E</c>), which Terminal.Gui
/// does not know and swallows as an unrecognised response.</item>
/// </list>
/// </summary>
public sealed class EscapeSequenceJoiner
{
    private readonly IApplication _app;
    private string? _held;
    private object? _timer;
    private bool _replaying;

    public EscapeSequenceJoiner(IApplication app, TimeSpan? hold = null)
    {
        _app = app;
        Hold = hold ?? TimeSpan.FromMilliseconds(300);
    }

    /// <summary>How long a lone Esc waits for the rest of a sequence.</summary>
    public TimeSpan Hold { get; }

    /// <summary>Hooks the application's key event and the input parser's "unrecognised sequence" event.</summary>
    public void Attach()
    {
        _app.Keyboard.KeyDown += OnKeyDown;
        if (_app.Driver?.GetInputProcessor() is { } input)
        {
            input.AnsiSequenceSwallowed += (_, sequence) => OnSwallowed(sequence);
        }
    }

    /// <summary>
    /// The key an escape sequence (without its leading ESC) stands for: CSI and SS3 cursor and
    /// editing keys with xterm modifiers (<c>[1;5A</c> is Ctrl+Up), the VT220 <c>~</c> keys, and the
    /// Linux console's <c>[[A</c>-<c>[[E</c> (F1-F5); null for anything else.
    /// </summary>
    public static Key? Decode(string sequence)
    {
        if (sequence.Length < 2)
        {
            return null;
        }

        if (sequence[0] == 'O')
        {
            return sequence[1..] switch
            {
                "A" => Key.CursorUp,
                "B" => Key.CursorDown,
                "C" => Key.CursorRight,
                "D" => Key.CursorLeft,
                "H" => Key.Home,
                "F" => Key.End,
                "P" => Key.F1,
                "Q" => Key.F2,
                "R" => Key.F3,
                "S" => Key.F4,
                _ => null,
            };
        }

        if (sequence[0] != '[')
        {
            return null;
        }

        if (sequence.Length == 3 && sequence[1] == '[')
        {
            return sequence[2] switch
            {
                'A' => Key.F1,
                'B' => Key.F2,
                'C' => Key.F3,
                'D' => Key.F4,
                'E' => Key.F5,
                _ => null,
            };
        }

        var final = sequence[^1];
        var parameters = sequence[1..^1].Split(';');
        var modifier = parameters.Length > 1 && int.TryParse(parameters[1], out var m) ? m : 1;
        Key? key = final switch
        {
            'A' => Key.CursorUp,
            'B' => Key.CursorDown,
            'C' => Key.CursorRight,
            'D' => Key.CursorLeft,
            'H' => Key.Home,
            'F' => Key.End,
            'Z' => Key.Tab.WithShift,
            '~' => parameters[0] switch
            {
                "1" or "7" => Key.Home,
                "2" => Key.InsertChar,
                "3" => Key.Delete,
                "4" or "8" => Key.End,
                "5" => Key.PageUp,
                "6" => Key.PageDown,
                "11" => Key.F1,
                "12" => Key.F2,
                "13" => Key.F3,
                "14" => Key.F4,
                "15" => Key.F5,
                "17" => Key.F6,
                "18" => Key.F7,
                "19" => Key.F8,
                "20" => Key.F9,
                "21" => Key.F10,
                "23" => Key.F11,
                "24" => Key.F12,
                _ => null,
            },
            _ => null,
        };
        if (key is null || final == 'Z')
        {
            return key;
        }

        // xterm modifier parameter: 1 + (shift 1, alt 2, ctrl 4).
        var bits = Math.Max(0, modifier - 1);
        var result = key;
        if ((bits & 1) != 0)
        {
            result = result.WithShift;
        }

        if ((bits & 2) != 0)
        {
            result = result.WithAlt;
        }

        if ((bits & 4) != 0)
        {
            result = result.WithCtrl;
        }

        return result;
    }

    private void OnKeyDown(object? sender, Key key)
    {
        if (_replaying)
        {
            return;
        }

        if (_held is null)
        {
            if (key == Key.Esc)
            {
                _held = "";
                key.Handled = true;
                Restart();
            }

            return;
        }

        var ch = key.IsCtrl || key.IsAlt || !key.AsRune.IsBmp ? '\0' : (char)key.AsRune.Value;
        if ((_held.Length == 0 && ch is '[' or 'O') || (_held.Length > 0 && ch is >= ' ' and <= '~'))
        {
            _held += ch;
            key.Handled = true;
            if (IsComplete(_held))
            {
                var sequence = _held;
                Stop();
                if (Decode(sequence) is { } joined)
                {
                    Replay(joined);
                }
            }
            else
            {
                Restart();
            }

            return;
        }

        // Something else right after Esc: the Esc was meant, and so is this key (after it).
        var held = _held;
        Stop();
        ReleaseHeld(held);
    }

    private void OnSwallowed(string sequence)
    {
        if (sequence.Length > 1 && sequence[0] == '\u001b' && Decode(sequence[1..]) is { } key)
        {
            Replay(key);
        }
    }

    // CSI ends with a byte 0x40-0x7E ("[[" is the Linux console's prefix, not an end); SS3 after one letter.
    private static bool IsComplete(string held) =>
        held[0] == 'O'
            ? held.Length >= 2
            : held.Length >= 2 && held[^1] is >= '@' and <= '~' && held != "[[";

    private void Restart()
    {
        if (_timer is not null)
        {
            _app.RemoveTimeout(_timer);
        }

        _timer = _app.AddTimeout(Hold, () =>
        {
            var held = _held;
            _timer = null;
            _held = null;
            if (held is not null)
            {
                ReleaseHeld(held);
            }

            return false;
        });
    }

    private void Stop()
    {
        if (_timer is not null)
        {
            _app.RemoveTimeout(_timer);
            _timer = null;
        }

        _held = null;
    }

    // The hold ended without a known sequence: pass on the Esc and whatever was typed after it.
    private void ReleaseHeld(string held)
    {
        Replay(Key.Esc);
        foreach (var c in held)
        {
            Replay(new Key(c));
        }
    }

    private void Replay(Key key)
    {
        _replaying = true;
        try
        {
            _app.Keyboard.RaiseKeyDownEvent(key);
        }
        finally
        {
            _replaying = false;
        }
    }
}
