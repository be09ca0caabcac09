using Spectre.Console;

namespace OobWizard.Cli.Rendering;

/// <summary>Appends text so that Japanese can break between characters (see <see cref="CjkBreaker"/>).</summary>
public static class CjkText
{
    public static Paragraph Append(Paragraph paragraph, string text, Style style)
    {
        foreach (var piece in CjkBreaker.Pieces(text))
        {
            paragraph.Append(piece, style);
        }

        return paragraph;
    }
}
