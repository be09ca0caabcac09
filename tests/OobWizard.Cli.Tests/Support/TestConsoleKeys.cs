using Spectre.Console.Testing;

namespace OobWizard.Cli.Tests.Support;

/// <summary>
/// Key presses as a terminal sends them. <see cref="TestConsoleInput.PushCharacter"/> casts the
/// character to a <see cref="ConsoleKey"/> ('q' becomes F2), so letters and digits are pushed here
/// with the key a real keyboard reports.
/// </summary>
public static class TestConsoleKeys
{
    public static TestConsoleInput Press(this TestConsoleInput input, char ch)
    {
        input.PushKey(new ConsoleKeyInfo(ch, KeyOf(ch), false, false, false));
        return input;
    }

    public static TestConsoleInput Press(this TestConsoleInput input, ConsoleKey key, char ch = '\0', bool control = false)
    {
        input.PushKey(new ConsoleKeyInfo(ch, key, false, false, control));
        return input;
    }

    public static ConsoleKey KeyOf(char ch) =>
        char.IsAsciiLetter(ch) ? (ConsoleKey)char.ToUpperInvariant(ch) : char.IsAsciiDigit(ch) ? ConsoleKey.D0 + (ch - '0') : ConsoleKey.NoName;

    /// <summary>Lines of output with trailing spaces removed.</summary>
    public static string Trimmed(string text) =>
        string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()));
}
