using Markdig.Syntax;
using Spectre.Console;
using Spectre.Console.Rendering;
using MdTable = Markdig.Extensions.Tables.Table;
using MdTableCell = Markdig.Extensions.Tables.TableCell;
using MdTableRow = Markdig.Extensions.Tables.TableRow;

namespace OobWizard.Cli.Rendering;

public sealed class TableRenderer : BlockRenderer<MdTable>
{
    protected override IRenderable Render(MdTable block, MarkdownRenderer renderer)
    {
        var table = new Table { Border = renderer.Unicode ? TableBorder.Rounded : TableBorder.Ascii };
        var rows = block.OfType<MdTableRow>().ToList();
        var header = rows.FirstOrDefault(r => r.IsHeader);
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        for (var i = 0; i < width; i++)
        {
            var cell = header is not null && i < header.Count ? header[i] as MdTableCell : null;
            table.AddColumn(new TableColumn(cell is null ? new Text("") : renderer.RenderChildren(cell)));
        }

        if (header is null)
        {
            table.HideHeaders();
        }

        foreach (var row in rows.Where(r => !r.IsHeader))
        {
            var cells = Enumerable.Range(0, width)
                .Select(i => i < row.Count && row[i] is MdTableCell c ? renderer.RenderChildren(c) : new Text(""))
                .ToArray();
            table.AddRow(cells);
        }

        return table;
    }
}
