using System.Text.RegularExpressions;
using OobWizard.Cli.Tests.Support;
using OobWizard.Tests.Shared;
using static OobWizard.Cli.Tests.Translation.LanguageRun;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>
/// `oobwizard logs FILE|FOLDER` in de and ja (by --lang and by LANG) on the real log fixtures under tests/ (their
/// sources: tests/OobWizard.Cli.Tests/Logs/README.md and field/SOURCES.md, tests/OobWizard.Logs.Tests/Fixtures/SOURCES.md):
/// what it read, what it left out, the candidates, the hints. Log lines stay as they are; its error lines (a missing
/// file, a FIFO named) are the error messages' part.
/// </summary>
public static partial class LogsLanguageTests
{
    private static readonly string LogsDir = Path.Combine(Repo.Root, "tests", "OobWizard.Cli.Tests", "Logs");
    private static readonly string Fixtures = Path.Combine(Repo.Root, "tests", "OobWizard.Logs.Tests", "Fixtures");

    /// <summary>What may stay English: the log lines shown (location, two spaces, message) and the log messages quoted in a sentence.</summary>
    private static string[] LogText(string output) =>
    [
        .. output.Split('\n').Where(l => HitLine().IsMatch(l) || l.StartsWith("      ", StringComparison.Ordinal)),
        .. Quoted().Matches(output).Select(m => m.Value),
    ];

    [GeneratedRegex(@"^   \S.*:\d+  ")]
    private static partial Regex HitLine();

    [GeneratedRegex("\"[^\"\n]*\"")]
    private static partial Regex Quoted();

    public sealed class Candidates
    {
        [Theory]
        [MemberData(nameof(Choices), MemberType = typeof(LanguageRun))]
        public async Task A_folder_of_logs_lists_its_inputs_and_candidates_in_the_language(string lang, bool byOption)
        {
            var (env, choose) = Choose(lang, byOption);

            var run = await RunAsync(env, [.. choose, "logs", LogsDir]);

            Assert.True(run.Exit == 0, run.All);
            Assert.Contains(lang == "de" ? "Amtopmgr.log: 5 Zeilen, gelesen als Amtopmgr.log (Komponente in den Zeilen: SMS_AMT_OPERATION_MANAGER)"
                : "Amtopmgr.log: 5 行、Amtopmgr.log として読み取り (各行のコンポーネント SMS_AMT_OPERATION_MANAGER)", run.Out, StringComparison.Ordinal);
            Assert.Contains(lang == "de" ? "Dateien sind keine bekannten Protokolle" : "個のファイルは既知のログではありません", run.Out, StringComparison.Ordinal);
            Assert.Contains(lang == "de" ? "1. \"Error: Device internal error.\" ist eine Meldung mit mehreren möglichen Ursachen:"
                : "1. \"Error: Device internal error.\" は複数の原因で出るメッセージです。考えられる原因:", run.Out, StringComparison.Ordinal);
            Assert.Contains(lang == "de" ? "   console.redirection-disabled: 2 von 2 Signaturen, 2 passende Zeilen" : "   console.redirection-disabled: シグネチャ 2 個中 2 個、一致した行 2 行", run.Out, StringComparison.Ordinal);
            Assert.Contains("   field/amtopmgr-from-ticket-4711.txt:2  Error:cannot put change to AMT_RedirectionService instance.", run.Out, StringComparison.Ordinal);
            Assert.Contains(lang == "de" ? "--start anhängen" : "--start を付けてください", run.Out, StringComparison.Ordinal);
            AssertSpeaks(lang, run.All, "logs", LogText(run.Out));
        }

        [Fact]
        public async Task In_english_the_same_folder_reads_as_before()
        {
            var run = await RunAsync(new Dictionary<string, string?> { ["LANG"] = "en_US.UTF-8" }, ["logs", LogsDir]);

            Assert.Contains("Amtopmgr.log: 5 lines, read as Amtopmgr.log (its lines' component SMS_AMT_OPERATION_MANAGER)", run.Out, StringComparison.Ordinal);
            Assert.Contains("not read: " + LogsDir + ": 2 files are no known log", run.Out, StringComparison.Ordinal);
            Assert.Contains("1. \"Error: Device internal error.\" is a message several causes share. It can mean:", run.Out, StringComparison.Ordinal);
            Assert.Contains("   console.redirection-disabled: 2 of 2 signatures, 2 matching lines", run.Out, StringComparison.Ordinal);
            Assert.Contains("Start the wizard at the question that tells these causes apart (p.prov.die-link): add --start", run.Out, StringComparison.Ordinal);
        }
    }

    public sealed class NothingMatched
    {
        [Theory]
        [MemberData(nameof(Choices), MemberType = typeof(LanguageRun))]
        public async Task Logs_without_a_known_signature_say_so_and_show_their_error_lines_in_the_language(string lang, bool byOption)
        {
            var (env, choose) = Choose(lang, byOption);

            var warnings = await RunAsync(env, [.. choose, "logs", Path.Combine(Fixtures, "cmtraceopen-bgb-firewall__BgbServer.log")]);
            var quiet = await RunAsync(env, [.. choose, "logs", Path.Combine(Fixtures, "cmwt-comment__sitestat.log")]);

            Assert.Equal(1, warnings.Exit);
            Assert.Contains(lang == "de" ? "7 Zeilen, kein bekanntes Protokoll: nur nach dem Text verglichen" : "7 行、既知のログではありません。テキストだけで照合しました", warnings.Out, StringComparison.Ordinal);
            Assert.Contains(lang == "de" ? "Gefundene Fehler- und Warnzeilen, die aussagekräftigsten zuerst:" : "見つかったエラーと警告の行 (手掛かりになる順):", warnings.Out, StringComparison.Ordinal);
            Assert.Contains("cmtraceopen-bgb-firewall__BgbServer.log:1  WARNING: Notification Server", warnings.Out, StringComparison.Ordinal);
            Assert.Equal(1, quiet.Exit);
            Assert.Contains(lang == "de" ? "Keine bekannte Protokollsignatur passt." : "既知のログ シグネチャに一致するものはありませんでした。", quiet.Out, StringComparison.Ordinal);
            Assert.Contains(lang == "de" ? "Auch keine Fehler- oder Warnzeilen" : "エラーや警告の行もありません。", quiet.Out, StringComparison.Ordinal);
            Assert.Contains("oobwizard --offline", quiet.Out, StringComparison.Ordinal);
            AssertSpeaks(lang, warnings.All, "logs (nothing matched)", LogText(warnings.Out));
            AssertSpeaks(lang, quiet.All, "logs (nothing at all)");
        }
    }

    public sealed class Folders : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("oobw-logs-lang-").FullName;

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        [Theory]
        [InlineData("de")]
        [InlineData("ja")]
        public async Task What_a_folder_leaves_out_speaks_the_language(string lang)
        {
            var (env, choose) = Choose(lang, byOption: false);
            var fifo = SpecialFiles.Fifo(Path.Combine(_dir, "pipe.log"));
            var folder = Directory.CreateDirectory(Path.Combine(_dir, "site")).FullName;
            File.Copy(Path.Combine(LogsDir, "Oobconsole.log"), Path.Combine(folder, "Oobconsole.log"));
            File.WriteAllText(Path.Combine(folder, "notes.txt"), "nothing to see\n");
            Directory.CreateDirectory(Path.Combine(folder, "deeper"));
            File.Copy(Path.Combine(LogsDir, "Amtopmgr.log"), Path.Combine(folder, "deeper", "Amtopmgr.log"));
            File.CreateSymbolicLink(Path.Combine(folder, "fifo.log"), fifo);
            var empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;

            var site = await RunAsync(env, [.. choose, "logs", folder, empty, "--depth", "0"]);

            Assert.True(site.Exit == 0, site.All);
            Assert.Contains(lang == "de" ? "tiefer als 0 Ordnerebenen (--depth)" : "0 階層より深いフォルダーです (--depth)", site.Out, StringComparison.Ordinal);
            Assert.Contains(lang == "de" ? "1 Datei ist kein bekanntes Protokoll" : "1 個のファイルは既知のログではありません", site.Out, StringComparison.Ordinal);
            Assert.Contains(lang == "de" ? "keine normale Datei; nicht gelesen" : "通常のファイルではないため読み取っていません", site.Out, StringComparison.Ordinal);
            Assert.Contains(lang == "de" ? "nicht gelesen: " + empty + ": kein bekanntes Protokoll darin" : "読み取っていません: " + empty + ": 既知のログがありません", site.Out, StringComparison.Ordinal);
            Assert.Contains(lang == "de" ? "ein FIFO (benannte Pipe), keine normale Datei" : "FIFO (名前付きパイプ)。通常のファイルではない", site.Out, StringComparison.Ordinal);
            AssertSpeaks(lang, site.All, "logs folder", LogText(site.Out));
        }
    }
}
