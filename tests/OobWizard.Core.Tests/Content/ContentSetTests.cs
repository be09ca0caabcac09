using OobWizard.Core.Content;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Content;

/// <summary>How loaded content answers for texts, labels and UI strings, with English as the fallback.</summary>
public sealed class ContentSetTests : IDisposable
{
    private readonly ContentFixture _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public void A_text_in_the_language_is_not_a_fallback()
    {
        _content.Text("de", "sym.broken", "title: Ist es kaputt?\nchoices:\n  yes: Ja\n  no: Nein", "");
        var set = ContentLoader.Load(_content.Root);

        var text = set.Text("de", "sym.broken");

        Assert.Equal("Ist es kaputt?", text.Title);
        Assert.False(text.IsFallback);
        Assert.Equal("Ja", set.ChoiceLabel("de", "sym.broken", "yes"));
    }

    [Fact]
    public void A_missing_text_falls_back_to_english_marked_as_fallback()
    {
        _content.Text("en", "sym.broken", "title: Is it broken (en)?\nchoices:\n  yes: Yes (en)\n  no: No", "");
        _content.Delete("ja/sym.broken.md");
        var set = ContentLoader.Load(_content.Root);

        var text = set.Text("ja", "sym.broken");

        Assert.Equal("Is it broken (en)?", text.Title);
        Assert.True(text.IsFallback);
        Assert.False(set.Text("en", "sym.broken").IsFallback);
        Assert.Equal("Yes (en)", set.ChoiceLabel("ja", "sym.broken", "yes"));
    }

    [Fact]
    public void A_node_with_no_text_at_all_gets_a_stub_titled_with_its_id()
    {
        var set = ContentLoader.Load(_content.Root);

        var text = set.Text("de", "nothing.here");

        Assert.Equal("nothing.here", text.Title);
        Assert.True(text.IsFallback);
    }

    [Fact]
    public void The_verification_choices_take_their_labels_from_the_ui_strings()
    {
        _content.Write("de/ui.yaml", "choice.fixed: Behoben\nchoice.not-fixed: Nicht behoben\n");
        var set = ContentLoader.Load(_content.Root);

        Assert.Equal("Behoben", set.ChoiceLabel("de", "diag.one", "fixed"));
        Assert.Equal("Not fixed", set.ChoiceLabel("en", "diag.one", "not-fixed"));
    }

    [Fact]
    public void A_ui_string_falls_back_to_english_then_to_the_fallback_given_then_to_the_key()
    {
        _content.Write("en/ui.yaml", "choice.fixed: Fixed\nchoice.not-fixed: Not fixed\nonly.en: English {0}\n");
        var set = ContentLoader.Load(_content.Root);

        Assert.Equal("English {0}", set.Ui("ja", "only.en"));
        Assert.Equal("given", set.Ui("ja", "no.such.key", "given"));
        Assert.Equal("no.such.key", set.Ui("ja", "no.such.key"));
        Assert.Equal("English 42", set.UiFormat("de", "only.en", 42));
    }
}
