namespace OobWizard.Cli.Tests.Translation;

/// <summary><see cref="EnglishLeak.AssertNoEnglishWords"/> catches a hard-coded English sentence and lets options, paths and allowed text pass.</summary>
public sealed class EnglishWordsSelfTests
{
    [Fact]
    public void A_hard_coded_english_sentence_is_caught()
    {
        Assert.Throws<Xunit.Sdk.TrueException>(() => EnglishLeak.AssertNoEnglishWords("de", "Gerät pc01: the device is not reachable", "self-test"));
        Assert.Throws<Xunit.Sdk.TrueException>(() => EnglishLeak.AssertNoEnglishWords("ja", "デバイス pc01: no answer", "self-test"));
    }

    [Fact]
    public void German_japanese_options_paths_and_allowed_log_text_pass()
    {
        EnglishLeak.AssertNoEnglishWords("de", "Prüfung von pc01.corp.example.com: --no-color, C:\\Program Files\\x, `the-key`, die Datei ist da", "self-test");
        EnglishLeak.AssertNoEnglishWords("ja", "ログ行: Error: the certificate is not valid\nAMT の証明書を確認してください", "self-test", "Error: the certificate is not valid");
    }
}
