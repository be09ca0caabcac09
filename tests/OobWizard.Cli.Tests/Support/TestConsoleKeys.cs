namespace OobWizard.Cli.Tests.Support;

/// <summary>Helpers for Spectre.Console.Testing's <c>TestConsole</c> output (render and golden tests).</summary>
public static class TestConsoleKeys
{
    /// <summary>Lines of output with trailing spaces removed.</summary>
    public static string Trimmed(string text) =>
        string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()));
}
