using Spectre.Console.Rendering;

namespace OobWizard.Cli.Rendering;

/// <summary>A window of already laid-out lines, so a long page can scroll inside a fixed-height screen.</summary>
public sealed class LinesRenderable(IReadOnlyList<SegmentLine> lines) : IRenderable
{
    public Measurement Measure(RenderOptions options, int maxWidth) =>
        new(1, Math.Min(maxWidth, lines.Count == 0 ? 1 : lines.Max(l => l.CellCount())));

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            foreach (var segment in lines[i])
            {
                yield return segment;
            }

            if (i < lines.Count - 1)
            {
                yield return Segment.LineBreak;
            }
        }
    }

    /// <summary>Lays a renderable out at a width into lines.</summary>
    public static List<SegmentLine> Layout(IRenderable renderable, RenderOptions options, int width) =>
        Segment.SplitLines(renderable.Render(options, width), width);
}
