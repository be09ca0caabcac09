using static OobWizard.Cli.Tests.Translation.LanguageRun;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>`oobwizard demo --plain` in de and ja (by --lang and by LANG): its banner about the simulated device, then the wizard.</summary>
public sealed class DemoLanguageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oobw-demo-lang-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [MemberData(nameof(Choices), MemberType = typeof(LanguageRun))]
    public async Task The_demo_banner_names_the_simulated_device_in_the_language(string lang, bool byOption)
    {
        var (env, choose) = Choose(lang, byOption);
        env["OOBW_SESSION_DIR"] = _dir;

        var run = await RunAsync(env, [.. choose, "demo", "--plain", "--scenario", "cert-expired"], stdin: "quit\n");

        Assert.True(run.Exit == 0, run.All);
        var banner = run.Err.Split('\n').First(l => l.StartsWith("oobwizard demo: ", StringComparison.Ordinal));
        Assert.Contains(lang == "de" ? "simuliertes AMT-Gerät 'cert-expired' " : "シミュレートした AMT デバイス 'cert-expired' ", banner, StringComparison.Ordinal);
        Assert.Contains(lang == "de" ? "Das selbstsignierte TLS-Zertifikat von AMT ist abgelaufen." : "AMT の自己署名 TLS 証明書の有効期限が切れています。", banner, StringComparison.Ordinal);
        Assert.Contains(lang == "de" ? "Was funktioniert nicht?" : "どのような問題が起きていますか?", run.Out, StringComparison.Ordinal);
        AssertSpeaks(lang, run.All, "demo", "amt-pc01.corp.contoso.com");
    }

    [Fact]
    public async Task The_demo_banner_in_english_says_what_it_said_before()
    {
        var env = new Dictionary<string, string?> { ["LANG"] = "en_US.UTF-8", ["OOBW_SESSION_DIR"] = _dir };

        var run = await RunAsync(env, ["demo", "--plain", "--scenario", "cert-expired"], stdin: "quit\n");

        Assert.True(run.Exit == 0, run.All);
        Assert.Matches(@"oobwizard demo: simulated AMT device 'cert-expired' \S+ at 127\.77\.0\.1 \(WS-Man on port \d+, lab DNS 127\.77\.0\.53:\d+\): AMT's self-signed TLS certificate has expired\.", run.Err);
    }
}
