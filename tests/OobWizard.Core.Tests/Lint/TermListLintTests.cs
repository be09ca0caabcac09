using OobWizard.Core.Content;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Lint;

/// <summary>content/terms.yaml: a wrong term in a language's prose is an error naming the right one; code is left alone.</summary>
public sealed class TermListLintTests : IDisposable
{
    private const string Terms = """
        ja:
          - wrong: インバンド
            right: 帯域内
            why: ConfigMgr 2007 の用語
        de:
          - wrong: widerruf
            right: sperren
        en:
          - wrong: out-of-band service point
            right: out of band service point
        """;

    private readonly ContentFixture _content = new();

    public TermListLintTests() => _content.Write("terms.yaml", Terms);

    public void Dispose() => _content.Dispose();

    [Fact]
    public void A_wrong_term_in_a_body_is_an_error_at_its_line_naming_the_right_one()
    {
        _content.Write("ja/diag.one.md", ContentFixture.DiagnosisMd.Replace("Something.", "インバンドで失敗します。", StringComparison.Ordinal));

        var issue = IssueAssert.HasError(_content.Lint(), "ja/diag.one.md", 6, "\"インバンド\": use \"帯域内\"");
        Assert.Contains("ConfigMgr 2007 の用語", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Case_does_not_matter_and_titles_and_answers_count_too()
    {
        _content.Write("de/sym.broken.md", "---\ntitle: Zertifikate lassen sich nicht Widerrufen\nchoices:\n  yes: Ja\n  no: Nein\n---\nText.\n");
        _content.Write("en/diag.one.md", ContentFixture.DiagnosisMd.Replace("Does it work now?", "Does the Out-of-Band Service Point work now?", StringComparison.Ordinal));

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "de/sym.broken.md", 1, "\"widerruf\": use \"sperren\"");
        IssueAssert.HasError(issues, "en/diag.one.md", 1, "\"out-of-band service point\"");
    }

    [Fact]
    public void Code_keeps_its_own_words_and_another_language_is_not_checked()
    {
        _content.Write("ja/diag.one.md", ContentFixture.DiagnosisMd.Replace("Something.", "`インバンド` のまま\n\n```\nwiderruf インバンド\n```", StringComparison.Ordinal));
        _content.Write("en/diag.one.md", ContentFixture.DiagnosisMd.Replace("Something.", "Zertifikate widerrufen", StringComparison.Ordinal));

        IssueAssert.NoErrors(_content.Lint());
    }

    [Fact]
    public void A_malformed_term_list_is_an_error_naming_it()
    {
        _content.Write("terms.yaml", "xx:\n  - wrong: a\n    right: b\nja:\n  - wrong: only\n");

        var messages = ContentLoader.Load(_content.Root).LoadIssues.Select(i => i.Message).ToList();

        Assert.Contains(messages, m => m.Contains("'xx' is not a content language", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("each ja term needs wrong and right", StringComparison.Ordinal));
    }
}
