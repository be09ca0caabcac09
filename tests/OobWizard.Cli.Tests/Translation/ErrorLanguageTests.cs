using System.CommandLine;
using System.Globalization;
using System.Resources;
using OobWizard.Cli.Localization;
using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Sessions;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>
/// Bad input in de and ja (by --lang and by LANG): one line in the language on standard error, naming
/// the flag, file or host that was wrong, with the same exit code as in English.
/// </summary>
public sealed class ErrorLanguageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oobw-errlang-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Exit, string Out, string Err) Run(string lang, bool byOption, string dir, string stdin, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var env = new Dictionary<string, string?>
        {
            ["LANG"] = byOption || lang == "en" ? "en_US.UTF-8" : lang == "de" ? "de_DE.UTF-8" : "ja_JP.UTF-8",
            ["OOBW_SESSION_DIR"] = Path.Combine(dir, "sessions"),
            ["XDG_CONFIG_HOME"] = Path.Combine(dir, "config"),
        };
        var host = new CliHost { In = new StringReader(stdin), Out = o, Err = e, Env = env.GetValueOrDefault, IsTerminal = false };
        string[] choose = byOption ? ["--lang", lang] : [];
        string[] content = args.Contains("--content") ? [] : ["--content", Repo.Content];
        var exit = CliApp.RunAsync([.. content, .. choose, .. args], host).GetAwaiter().GetResult();
        return (exit, o.ToString(), e.ToString());
    }

    /// <summary>A bad input: its arguments (made in <c>dir</c>), stdin, and what its line must name.</summary>
    private sealed record Case(Func<string, string[]> Args, string Named, bool ByLangOnly = false, string Stdin = "");

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // An unknown --lang value cannot choose the language: LANG does.
        ["bad --lang"] = new(_ => ["--lang", "xx", "--offline"], "--lang", ByLangOnly: true),
        ["unknown option"] = new(_ => ["checklist", "--frmat=md"], "--frmat"),
        ["unknown command"] = new(_ => ["scna"], "scna"),
        ["missing argument"] = new(_ => ["cert"], "cert"),
        ["option without its value"] = new(_ => ["check", "--target"], "--target"),
        ["missing file"] = new(d => ["cert", Path.Combine(d, "nothing.pem")], "nothing.pem"),
        ["a folder, not a file"] = new(d => ["--root-ca", d, "--offline"], "--root-ca"),
        ["too large file"] = new(d => ["cert", Big(d)], "big.pem"),
        ["port out of range"] = new(_ => ["check", "--target", "pc01", "--http-port", "70000"], "--http-port"),
        ["port not a number"] = new(_ => ["check", "--target", "pc01", "--http-port", "abc"], "--http-port"),
        ["timeout not finite"] = new(_ => ["--timeout", "NaN", "--offline"], "--timeout"),
        ["bad host"] = new(_ => ["check", "--target", "pc 01!"], "pc 01!"),
        ["bad DNS server"] = new(_ => ["--dns", "a:b:c", "--offline"], "--dns"),
        ["target and port disagree"] = new(_ => ["check", "--target", "pc01:1234", "--http-port", "16992"], "--http-port"),
        ["unknown lab scenario"] = new(_ => ["lab", "serve", "--scenario", "no-such-scenario"], "no-such-scenario"),
        ["fleet size out of range"] = new(_ => ["lab", "serve", "--fleet", "0"], "--fleet"),
        ["missing log file"] = new(d => ["logs", Path.Combine(d, "Amtopmgr.log")], "Amtopmgr.log"),
        ["content folder missing"] = new(d => ["--content", Path.Combine(d, "no-content"), "lint"], "no-content"),
        ["existing output without --force"] = new(d => ["checklist", "--symptom", "cannot-provision", "--output", Existing(d)], "--force"),
        ["existing session"] = new(d => ["--plain", "--offline", "--session", Session(d)], "s.json"),
        ["no session to resume"] = new(d => ["--plain", "--resume", Path.Combine(d, "gone.json")], "gone.json"),
        ["not a session"] = new(d => ["report", Json(d)], "other.json"),
    };

    public static TheoryData<string, string, bool> Inputs()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (name, c) in Cases)
        {
            foreach (var lang in new[] { "de", "ja" })
            {
                if (!c.ByLangOnly)
                {
                    data.Add(name, lang, true);
                }

                data.Add(name, lang, false);
            }
        }

        return data;
    }

    private static string Big(string dir)
    {
        var path = Path.Combine(dir, "big.pem");
        using var f = File.Create(path);
        f.SetLength(2L << 20);
        return path;
    }

    private static string Existing(string dir)
    {
        var path = Path.Combine(dir, "out.md");
        File.WriteAllText(path, "# mine\n");
        return path;
    }

    private static string Json(string dir)
    {
        var path = Path.Combine(dir, "other.json");
        File.WriteAllText(path, "{\"format\": \"something-else\"}\n");
        return path;
    }

    private static string Session(string dir)
    {
        var path = Path.Combine(dir, "s.json");
        var (exit, _, err) = Run("en", true, dir, "2\n", "--plain", "--offline", "--session", path);
        Assert.True(exit == 0, err);
        return path;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Bad_input_is_one_line_in_the_language_naming_what_was_wrong(string name, string lang, bool byOption)
    {
        var c = Cases[name];
        var englishDir = Directory.CreateDirectory(Path.Combine(_dir, "en")).FullName;
        var langDir = Directory.CreateDirectory(Path.Combine(_dir, lang)).FullName;
        var english = Run("en", false, englishDir, c.Stdin, c.Args(englishDir));
        var args = c.Args(langDir);

        var run = Run(lang, byOption, langDir, c.Stdin, args);

        Assert.True(english.Exit != 0, $"{name}: English run exited 0\n{english.Err}");
        Assert.True(run.Exit == english.Exit, $"{name} [{lang}]: exit {run.Exit}, English {english.Exit}\n{run.Err}");
        var tryHelp = Messages.Load(new Core.Content.FolderContentSource(Repo.Content), lang).Find("error.try-help")!.Split("{0}");
        var lines = run.Err.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !(l.StartsWith(tryHelp[0] + "oobwizard", StringComparison.Ordinal) && l.EndsWith(tryHelp[1], StringComparison.Ordinal))).ToList();
        var line = Assert.Single(lines);
        Assert.StartsWith("oobwizard: ", line, StringComparison.Ordinal);
        Assert.Contains(c.Named, line, StringComparison.Ordinal);
        Assert.NotEqual(english.Err.Trim().Split('\n')[0], line);
        var what = $"{name}: oobwizard {string.Join(' ', args)}";
        EnglishLeak.AssertNone(lang, run.Err, what);
        EnglishLeak.AssertNoEnglishWords(lang, run.Err, what, langDir, c.Named);
    }

    [Theory]
    [InlineData("en", "Try 'oobwizard check --help'.", "check", "--no-such-flag")]
    [InlineData("en", "Try 'oobwizard lab serve --help'.", "lab", "serve", "--fleet", "many")]
    [InlineData("en", "Try 'oobwizard --help'.", "no-such-command")]
    [InlineData("de", "Siehe 'oobwizard check --help'.", "check", "--no-such-flag")]
    [InlineData("de", "Siehe 'oobwizard lab serve --help'.", "lab", "serve", "--fleet", "many")]
    [InlineData("de", "Siehe 'oobwizard --help'.", "no-such-command")]
    [InlineData("ja", "'oobwizard check --help' を参照してください。", "check", "--no-such-flag")]
    [InlineData("en", "Try 'oobwizard lab serve --help'.", "lab", "serve", "--response-delay", "slow")]
    [InlineData("de", "Siehe 'oobwizard scan --help'.", "scan", "--parallel", "viele")]
    [InlineData("en", "Try 'oobwizard scan --help'.", "scan", "--auth-refusals", "few")]
    public void A_usage_error_points_to_the_help_of_the_command_it_is_in(string lang, string expected, params string[] args)
    {
        var run = Run(lang, true, _dir, "", args);

        Assert.True(run.Exit == 2, run.Err);
        Assert.Equal(expected, run.Err.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')[^1]);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ja")]
    public void A_locked_session_names_the_other_window_in_the_language(string lang)
    {
        var file = Path.Combine(_dir, "locked.json");
        Assert.Equal(0, Run(lang, true, _dir, "2\n", "--plain", "--offline", "--session", file).Exit);
        File.WriteAllText(SessionLock.PathFor(file), SessionLockHolder.ThisProcess("pc-elsewhere", 4242, DateTimeOffset.Now).ToText());

        var run = Run(lang, true, _dir, "\n", "--plain", "--resume", file);

        var holder = lang == "de" ? "PID 4242 auf pc-elsewhere seit " : "pc-elsewhere の PID 4242、";
        Assert.Contains(holder, string.Join(' ', run.Out.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "unerwarteter Fehler (IOException): Broken pipe")]
    [InlineData("ja", "予期しないエラー (IOException): Broken pipe")]
    public async Task The_unexpected_error_line_is_in_the_language(string lang, string expected)
    {
        var error = new StringWriter();
        var host = new CliHost { In = new StringReader(""), Out = new ClosedPipe(), Err = error, Env = _ => null };

        var exit = await CliApp.RunAsync(["--content", Repo.Content, "--lang", lang, "graph", "--format", "dot"], host);

        Assert.Equal(1, exit);
        var line = Assert.Single(error.ToString().Trim().Split('\n'));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains("--debug", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_English_templates_are_System_CommandLines_own()
    {
        // If System.CommandLine rewords a message, its errors would no longer be recognised (and shown in English).
        var resources = new ResourceManager("System.CommandLine.Properties.Resources", typeof(RootCommand).Assembly);
        var english = EnglishLeak.Read("en");
        foreach (var name in ParseErrorText.Names)
        {
            Assert.Equal(resources.GetString(name, CultureInfo.InvariantCulture), english["parse." + name]);
        }
    }

    [Theory]
    [InlineData("Argument '{0}' not recognized. Must be one of:{1}", "Argument 'xx' not recognized. Must be one of:\n\t'en'\n\t'de'", new[] { "xx", "\n\t'en'\n\t'de'" })]
    [InlineData("Unrecognized command or argument '{0}'.", "Unrecognized command or argument 'a'.", new[] { "a" })]
    public void A_template_gives_back_its_values(string template, string message, string[] values) =>
        Assert.Equal(values, ParseErrorText.Match(template, message));

    [Fact]
    public void A_template_does_not_match_another_message() =>
        Assert.Null(ParseErrorText.Match("Unrecognized command or argument '{0}'.", "Required command was not provided."));

    private sealed class ClosedPipe : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new IOException("Broken pipe");

        public override void Write(string? value) => throw new IOException("Broken pipe");
    }
}
