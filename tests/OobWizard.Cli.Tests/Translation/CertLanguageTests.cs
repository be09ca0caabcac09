using System.Security.Cryptography.X509Certificates;
using OobWizard.Lab;
using static OobWizard.Cli.Tests.Translation.LanguageRun;

namespace OobWizard.Cli.Tests.Translation;

/// <summary>
/// `oobwizard cert FILE...` in de and ja (by --lang and by LANG), on the lab's real certificates: its provisioning root CA
/// and a device TLS certificate that root issued (<see cref="LabCertificates"/>, as `lab serve --write-root-ca` and the
/// enterprise-cert scenario serve them). The probes' own summary lines are another part's (probe summaries) and are left
/// out of the English check; the command's headings, counts and prompt are checked (its errors are the error messages' part).
/// </summary>
public sealed class CertLanguageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oobw-cert-lang-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (string Root, string Device) Files()
    {
        var root = Path.Combine(_dir, "lab-root-ca.pem");
        var device = Path.Combine(_dir, "amt-pc01.pem");
        File.WriteAllText(root, LabCertificates.ProvisioningRoot.ExportCertificatePem());
        using var issued = LabCertificates.CreateDeviceCertificate("amt-pc01.corp.contoso.com", DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddYears(1), 2048, issuedByRoot: true);
        File.WriteAllText(device, issued.ExportCertificatePem());
        return (root, device);
    }

    /// <summary>The command's own lines: without the probes' (glyph + probe id) and their evidence bullets.</summary>
    private static string OwnLines(string output) => string.Join("\n", output.Split('\n')
        .Where(l => !System.Text.RegularExpressions.Regex.IsMatch(l, @"^(\S \w+\.[\w-]+: |\s+• )")));

    [Theory]
    [MemberData(nameof(Choices), MemberType = typeof(LanguageRun))]
    public async Task Cert_on_a_root_and_a_device_certificate_speaks_the_language(string lang, bool byOption)
    {
        var (env, choose) = Choose(lang, byOption);
        var (root, device) = Files();

        var run = await RunAsync(env, [.. choose, "cert", root, device]);

        Assert.Contains(lang == "de" ? "lab-root-ca.pem: Zertifikat einer Zertifizierungsstelle" : "lab-root-ca.pem: CA 証明書", run.Out, StringComparison.Ordinal);
        Assert.Contains(lang == "de" ? "amt-pc01.pem: Endentitätszertifikat" : "amt-pc01.pem: エンド エンティティ証明書", run.Out, StringComparison.Ordinal);
        Assert.Matches(lang == "de" ? @"\d+ bestanden, \d+ Befunde?, \d+ unentschieden, \d+ Fehler" : @"合格 \d+ 件、問題 \d+ 件、判定不能 \d+ 件、エラー \d+ 件", run.Out);
        Assert.Contains("cert.thumbprint", run.Out, StringComparison.Ordinal);
        AssertSpeaks(lang, OwnLines(run.All), "cert");
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ja")]
    public async Task The_pfx_password_prompt_speaks_the_language(string lang)
    {
        var (env, choose) = Choose(lang, byOption: true);
        var pfx = Path.Combine(_dir, "device.pfx");
        using (var issued = LabCertificates.CreateDeviceCertificate("amt-pc02.corp.contoso.com", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), 2048, issuedByRoot: true))
        {
            File.WriteAllBytes(pfx, issued.Export(X509ContentType.Pkcs12, "Pfx-Secret-7"));
        }

        var prompted = await RunAsync(env, [.. choose, "cert", pfx]);

        Assert.Equal([lang == "de" ? "PFX-Kennwort für device.pfx: " : "device.pfx の PFX パスワード: "], prompted.SecretPrompts.Distinct());
    }

    [Fact]
    public async Task Cert_in_english_says_what_it_said_before()
    {
        var (root, device) = Files();

        var run = await RunAsync(new Dictionary<string, string?> { ["LANG"] = "en_US.UTF-8" }, ["cert", root, device]);

        Assert.Contains("lab-root-ca.pem: CA certificate", run.Out, StringComparison.Ordinal);
        Assert.Contains("amt-pc01.pem: end-entity certificate", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\d+ passed, \d+ findings?, \d+ inconclusive, \d+ errors?", run.Out);
    }

    private string Pfx(string password)
    {
        var pfx = Path.Combine(_dir, "leaf.pfx");
        using var issued = LabCertificates.CreateDeviceCertificate("amt-pc03.corp.contoso.com", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), 2048, issuedByRoot: true);
        File.WriteAllBytes(pfx, issued.Export(X509ContentType.Pkcs12, password));
        return pfx;
    }

    /// <summary>`cert` with the masked prompt answered by <paramref name="typed"/> in turn (null once they run out).</summary>
    private static (int Exit, string Out, string Err, List<string> Prompts) Typed(string lang, string? envPassword, string[] args, params string[] typed)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var prompts = new List<string>();
        var answers = new Queue<string>(typed);
        var env = new Dictionary<string, string?> { ["LANG"] = "en_US.UTF-8", ["OOBW_PFX_PASSWORD"] = envPassword };
        var host = new CliHost
        {
            In = TextReader.Null, Out = o, Err = e, Env = env.GetValueOrDefault, IsTerminal = false,
            ReadSecret = prompt =>
            {
                prompts.Add(prompt);
                return answers.TryDequeue(out var a) ? a : null;
            },
        };
        var exit = CliApp.RunAsync(["--content", Support.Repo.Content, "--lang", lang, "cert", .. args], host).GetAwaiter().GetResult();
        return (exit, o.ToString(), e.ToString(), prompts);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("ja")]
    public void A_wrong_pfx_password_is_said_in_the_language_and_a_typed_one_is_asked_once_more(string lang)
    {
        var pfx = Pfx("Pfx-Secret-9");
        var messages = Messages.Load(new Core.Content.FolderContentSource(Support.Repo.Content), lang);
        var again = messages.Format("cert.pfx-prompt-again", "leaf.pfx");

        // Typed wrong, then right: the second prompt says the first was refused, and the file is read.
        var fixedUp = Typed(lang, null, [pfx], "Wrong-1", "Pfx-Secret-9");
        Assert.True(fixedUp.Exit is 0 or 1, fixedUp.Err);
        Assert.Equal([messages.Format("cert.pfx-prompt", "leaf.pfx"), again], fixedUp.Prompts);
        Assert.Contains("cert.provisioning", fixedUp.Out, StringComparison.Ordinal);

        // Typed wrong twice: one line in the language naming the file, no .NET text, no third prompt.
        var refused = Typed(lang, null, [pfx], "Wrong-1", "Wrong-2");
        Assert.Equal(2, refused.Exit);
        Assert.Equal(2, refused.Prompts.Count);
        Assert.Equal("oobwizard: " + messages.Format("file.pfx-wrong-password", pfx), refused.Err.Trim());
        Assert.DoesNotContain("may be incorrect", refused.Err, StringComparison.Ordinal);

        // From OOBW_PFX_PASSWORD: never prompted, said so.
        var fromEnv = Typed(lang, "Wrong-3", [pfx]);
        Assert.Equal(2, fromEnv.Exit);
        Assert.Empty(fromEnv.Prompts);
        Assert.Equal("oobwizard: " + messages.Format("file.pfx-wrong-password-env", pfx), fromEnv.Err.Trim());
        Assert.DoesNotContain("Wrong-", fixedUp.Out + fixedUp.Err + refused.Out + refused.Err + fromEnv.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ja")]
    public void A_file_that_is_no_certificate_is_one_line_in_the_language_without_dotnets_words(string lang)
    {
        var garbage = Path.Combine(_dir, "garbage.cer");
        File.WriteAllBytes(garbage, [0x30, 0x82, 0x01, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05]);
        var messages = Messages.Load(new Core.Content.FolderContentSource(Support.Repo.Content), lang);

        var run = Typed(lang, null, [garbage]);

        Assert.Equal(2, run.Exit);
        Assert.Equal("oobwizard: " + messages.Format("file.not-certificate-plain", garbage), run.Err.Trim());
        Assert.DoesNotContain("ASN1", run.Err, StringComparison.Ordinal);
    }
}
