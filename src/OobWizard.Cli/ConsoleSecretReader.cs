using System.Text;

namespace OobWizard.Cli;

/// <summary>
/// Reads a secret from the terminal without echo, one key at a time. Enter ends it; Ctrl+C,
/// Ctrl+D and Esc cancel it (null), so a user who gives up is never left typing the next shell
/// command into the password. Ctrl+C arrives as a key while reading (not as a signal).
/// </summary>
public static class ConsoleSecretReader
{
    public static string? Read(string prompt, TextWriter output)
    {
        if (Console.IsInputRedirected)
        {
            return null;
        }

        output.Write(prompt);
        output.Flush();
        var before = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        var secret = new StringBuilder();
        try
        {
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                var control = (key.Modifiers & ConsoleModifiers.Control) != 0;
                if (key.Key == ConsoleKey.Escape || (control && key.Key is ConsoleKey.C or ConsoleKey.D) || key.KeyChar is '\u0003' or '\u0004')
                {
                    secret.Clear();
                    return null;
                }

                if (key.Key == ConsoleKey.Enter)
                {
                    return secret.ToString();
                }

                if (key.Key == ConsoleKey.Backspace)
                {
                    if (secret.Length > 0)
                    {
                        secret.Length--;
                    }
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    secret.Append(key.KeyChar);
                }
            }
        }
        finally
        {
            Console.TreatControlCAsInput = before;
            output.WriteLine();
        }
    }
}
