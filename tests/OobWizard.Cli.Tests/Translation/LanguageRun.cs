using System.Text.RegularExpressions;
using OobWizard.Cli.Tests.Support;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>
/// Runs the real command line in-process in a chosen language, by --lang or by LANG, as a user would (for the language
/// tests of lab, demo, cert and logs); and what every such test checks on the output.
/// </summary>
public static partial class LanguageRun
{
    public sealed record Result(int Exit, string Out, string Err, IReadOnlyList<string> SecretPrompts)
    {
        public string All => Out + Err;
    }

    /// <summary>de and ja, each by --lang (LANG says English) and by LANG alone.</summary>
    public static TheoryData<string, bool> Choices() => new() { { "de", true }, { "ja", true }, { "de", false }, { "ja", false } };

    /// <summary>The environment and arguments that choose <paramref name="lang"/> one way or the other.</summary>
    public static (Dictionary<string, string?> Env, string[] Args) Choose(string lang, bool byOption) =>
        byOption ? (new Dictionary<string, string?> { ["LANG"] = "en_US.UTF-8" }, ["--lang", lang])
                 : (new Dictionary<string, string?> { ["LANG"] = lang switch { "de" => "de_DE.UTF-8", "ja" => "ja_JP.UTF-8", _ => "C.UTF-8" } }, []);

    public static async Task<Result> RunAsync(Dictionary<string, string?> env, string[] args, string stdin = "", CancellationToken ct = default, TextWriter? output = null)
    {
        var o = output ?? new StringWriter();
        var e = new StringWriter();
        var prompts = new List<string>();
        var host = new CliHost
        {
            In = new StringReader(stdin),
            Out = TextWriter.Synchronized(o),
            Err = TextWriter.Synchronized(e),
            Env = env.GetValueOrDefault,
            IsTerminal = false,
            ReadSecret = prompt =>
            {
                prompts.Add(prompt);
                return null;
            },
        };
        var exit = await CliApp.RunAsync(["--content", Repo.Content, .. args], host, ct);
        return new Result(exit, o.ToString()!, e.ToString(), prompts);
    }

    /// <summary>
    /// No English from messages.yaml (<see cref="EnglishLeak.AssertNone"/>), no English function words outside
    /// <paramref name="allowed"/>, and no message key shown as itself (a key no language has).
    /// </summary>
    public static void AssertSpeaks(string lang, string output, string what, params string[] allowed)
    {
        EnglishLeak.AssertNone(lang, output, what);
        EnglishLeak.AssertNoEnglishWords(lang, output, what, allowed);
        var keys = EnglishLeak.Read("en").Keys.Where(k => k.Split('.')[0] is "lab" or "demo" or "cert" or "logs" or "lint" or "cli" or "checklist").ToList();
        var shown = keys.Where(k => Regex.IsMatch(output, @"(?<![\w.-])" + Regex.Escape(k) + @"(?![\w.-])")).ToList();
        Assert.True(shown.Count == 0, $"{what} [{lang}] shows message keys: {string.Join(", ", shown)}\n{output}");
    }

    /// <summary>Standard output that presses Ctrl+C (cancels) once it has seen <paramref name="text"/>.</summary>
    public sealed class CancelOn(string text, CancellationTokenSource cts) : StringWriter
    {
        public override void Write(string? value)
        {
            base.Write(value);
            if (ToString().Contains(text, StringComparison.Ordinal)) cts.Cancel();
        }

        public override void Write(char value)
        {
            base.Write(value);
            if (value == '\n' && ToString().Contains(text, StringComparison.Ordinal)) cts.Cancel();
        }
    }
}
