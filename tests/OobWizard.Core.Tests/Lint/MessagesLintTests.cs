using OobWizard.Core.Content;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Lint;

/// <summary>&lt;lang&gt;/messages.yaml: loaded beside ui.yaml; lint names a message a language lacks or whose placeholders differ from English.</summary>
public sealed class MessagesLintTests : IDisposable
{
    private readonly ContentFixture _content = new();

    public void Dispose() => _content.Dispose();

    private void WriteAll(string en, string de, string ja)
    {
        _content.Write("en/messages.yaml", en);
        _content.Write("de/messages.yaml", de);
        _content.Write("ja/messages.yaml", ja);
    }

    [Fact]
    public void Complete_messages_in_three_languages_lint_clean_and_load_with_the_ui_strings()
    {
        WriteAll("scan.and-more: \"... and {0} more\"\n", "scan.and-more: \"... und {0} weitere\"\n", "scan.and-more: \"... ほか {0} 件\"\n");

        Assert.DoesNotContain(_content.Lint(), i => i.Message.Contains("scan.and-more", StringComparison.Ordinal));
        Assert.Equal("... und 3 weitere", ContentLoader.Load(_content.Root).UiFormat("de", "scan.and-more", 3));
    }

    [Fact]
    public void A_message_missing_in_one_language_is_an_error_naming_the_key_and_the_language()
    {
        WriteAll("scan.and-more: \"... and {0} more\"\nscan.no-diagnosis: \"No diagnosis.\"\n", "scan.and-more: \"... und {0} weitere\"\n", "scan.and-more: \"... ほか {0} 件\"\nscan.no-diagnosis: \"診断なし。\"\n");

        var issues = _content.Lint();

        Assert.Single(issues, i => i.Severity == IssueSeverity.Error && i.Message.Contains("'scan.no-diagnosis' has no de translation", StringComparison.Ordinal));
        Assert.DoesNotContain(issues, i => i.Message.Contains("no ja translation", StringComparison.Ordinal));
    }

    [Fact]
    public void A_translation_that_drops_or_adds_a_placeholder_is_an_error()
    {
        WriteAll("scan.duplicate: \"{0}: {1} is listed again (first on line {2})\"\n", "scan.duplicate: \"{0}: {1} steht noch einmal in der Liste\"\n", "scan.duplicate: \"{0}: {1} が重複しています ({2} 行目、{3})\"\n");

        var issues = _content.Lint();

        Assert.Single(issues, i => i.Message.Contains("'scan.duplicate' [de] uses placeholders {0} {1}, English uses {0} {1} {2}", StringComparison.Ordinal));
        Assert.Single(issues, i => i.Message.Contains("'scan.duplicate' [ja] uses placeholders {0} {1} {2} {3}, English uses {0} {1} {2}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_in_both_ui_yaml_and_messages_yaml_is_an_error()
    {
        WriteAll("choice.fixed: Fixed again\n", "", "");

        Assert.Contains(_content.Lint(), i => i.Where.File.EndsWith("en/messages.yaml", StringComparison.Ordinal) && i.Message.Contains("'choice.fixed' is also in en/ui.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_message_issue_names_the_messages_yaml_line_of_its_key_not_ui_yaml()
    {
        WriteAll(
            "scan.and-more: \"... and {0} more\"\nscan.duplicate: \"{0}: {1} again ({2})\"\nscan.no-diagnosis: \"No diagnosis.\"\n",
            "scan.and-more: \"... und {0} weitere\"\nscan.duplicate: \"{0}: {1} noch einmal\"\n",
            "scan.and-more: \"... ほか {0} 件\"\nscan.duplicate: \"{0}: {1} 重複 ({2})\"\nscan.no-diagnosis: \"インバンドの診断なし。\"\n");
        _content.Write("terms.yaml", "ja:\n  - wrong: インバンド\n    right: 帯域内\n");

        var issues = _content.Lint();

        IssueAssert.HasError(issues, "de/messages.yaml", 2, "'scan.duplicate' [de] uses placeholders");
        var missing = IssueAssert.HasError(issues, "de/messages.yaml", 0, "'scan.no-diagnosis' has no de translation");
        Assert.Contains("en/messages.yaml:3", IssueAssert.Normalise(missing.Message), StringComparison.Ordinal);
        IssueAssert.HasError(issues, "ja/messages.yaml", 3, "\"インバンド\": use \"帯域内\"");
        Assert.DoesNotContain(issues, i => i.Where.File.EndsWith("ui.yaml", StringComparison.Ordinal) && i.Message.Contains("scan.", StringComparison.Ordinal));
    }

    [Fact]
    public void Format_and_escaped_braces_are_not_placeholders_but_formats_are()
    {
        Assert.Equal([0, 2], MessageParityRule.Placeholders("{0:0.0} s {{literal}} {2,5}"));
    }
}
