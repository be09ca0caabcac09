using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Spectre.Console;

namespace OobWizard.Cli.Rendering;

/// <summary>
/// Appends inlines to a <see cref="Paragraph"/> with a style stack for nested emphasis.
/// Text is appended as text, never parsed as Spectre markup, so content cannot inject markup.
/// </summary>
public sealed class InlineRenderer(MarkdownTheme theme, Action<string> unhandled)
{
    public Paragraph Render(ContainerInline? inlines, Style? baseStyle = null, string? prefix = null)
    {
        var p = new Paragraph();
        if (prefix is not null)
        {
            p.Append(prefix, baseStyle ?? Style.Plain);
        }

        if (inlines is not null)
        {
            Append(p, inlines, baseStyle ?? Style.Plain);
        }

        return p;
    }

    public Paragraph Render(LeafBlock leaf, Style? baseStyle = null) => Render(leaf.Inline, baseStyle);

    private void Append(Paragraph p, ContainerInline container, Style style)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline lit:
                    CjkText.Append(p, lit.Content.ToString(), style);
                    break;
                case EmphasisInline em:
                    var deco = em.DelimiterCount >= 2 ? Decoration.Bold : Decoration.Italic;
                    Append(p, em, style.Combine(new Style(decoration: deco)));
                    break;
                case CodeInline code:
                    p.Append(code.Content, style.Combine(theme.Code));
                    break;
                case LinkInline link:
                    var before = p.Length;
                    Append(p, link, style.Combine(theme.Link));
                    var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
                    if (!string.IsNullOrEmpty(url) && (p.Length == before || !LinkTextIs(link, url)))
                    {
                        p.Append(" (" + url + ")", theme.Url);
                    }

                    break;
                case AutolinkInline auto:
                    p.Append(auto.Url, style.Combine(theme.Link));
                    break;
                case LineBreakInline br:
                    // A soft break between two CJK characters is no space in Japanese.
                    if (br.IsHard)
                    {
                        p.Append("\n", style);
                    }
                    else if (!(EndsCjk(br.PreviousSibling) && StartsCjk(br.NextSibling)))
                    {
                        p.Append(" ", style);
                    }

                    break;
                case HtmlEntityInline entity:
                    p.Append(entity.Transcoded.ToString(), style);
                    break;
                case ContainerInline inner:
                    Append(p, inner, style);
                    break;
                default:
                    unhandled(inline.GetType().Name);
                    break;
            }
        }
    }

    private static bool EndsCjk(Inline? inline) =>
        inline is LiteralInline { Content.Length: > 0 } lit && CjkBreaker.IsCjk(lit.Content.Text[lit.Content.End]);

    private static bool StartsCjk(Inline? inline) =>
        inline is LiteralInline { Content.Length: > 0 } lit && CjkBreaker.IsCjk(lit.Content.Text[lit.Content.Start]);

    private static bool LinkTextIs(LinkInline link, string url) =>
        link.FirstChild is LiteralInline lit && link.FirstChild == link.LastChild && lit.Content.ToString() == url;
}
