using OobWizard.Cli.Rendering;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tree;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OobWizard.Cli.Wizard;

/// <summary>Builds the renderables of one step (title, guidance, evidence), shared by both front ends.</summary>
public sealed class PageBuilder(WizardController ctl, bool unicode)
{
    public string Ui(string key) => ctl.Content.Ui(ctl.Language, key);

    public string Ui(string key, params object?[] args) => ctl.Content.UiFormat(ctl.Language, key, args);

    public MarkdownRenderer NewRenderer() =>
        new(unicode: unicode, alertTitle: kind => Ui("alert." + kind.ToLowerInvariant()));

    public IRenderable Title()
    {
        var text = ctl.CurrentText;
        var title = new Paragraph();
        var kind = ctl.Current.Kind switch
        {
            NodeKind.Diagnosis => Ui("kind.diagnosis") + ": ",
            NodeKind.Probe => Ui("kind.probe") + ": ",
            _ => "",
        };
        if (kind.Length > 0)
        {
            title.Append(kind, new Style(Color.Aqua, decoration: Decoration.Bold));
        }

        CjkText.Append(title, text.Title, new Style(decoration: Decoration.Bold));
        if (text.IsFallback)
        {
            title.Append(" (" + Ui("text.fallback") + ")", new Style(Color.Grey));
        }

        return title;
    }

    public IRenderable Body()
    {
        var items = new List<IRenderable> { Title() };
        if (ctl.ArrivalEvidence is { } arrived)
        {
            items.Add(new Text(""));
            items.Add(Evidence(arrived));
        }

        var body = ctl.CurrentText.Body;
        if (!string.IsNullOrWhiteSpace(body))
        {
            items.Add(new Text(""));
            items.Add(NewRenderer().Render(body));
        }

        if (ctl.Current.Kind == NodeKind.Probe && ctl.EvidenceHere is { } here && ctl.ArrivalEvidence != here)
        {
            items.Add(new Text(""));
            items.Add(Evidence(here));
            items.Add(new Text(Ui("probe.manual"), new Style(Color.Yellow)));
        }

        if (ctl.Current.Kind == NodeKind.Diagnosis && ctl.CurrentText.Verify is { } verify)
        {
            items.Add(new Text(""));
            items.Add(new Text(verify, new Style(decoration: Decoration.Bold)));
        }

        if (ctl.Current.Kind == NodeKind.End)
        {
            items.Add(new Text(""));
            items.Add(Ending());
        }

        return new Rows(items);
    }

    public IRenderable Evidence(ProbeEvidence e)
    {
        var glyph = Glyph(e.Outcome);
        var head = new Paragraph();
        head.Append(glyph + " ", GlyphStyle(e.Outcome));
        head.Append(e.Probe + ": ", new Style(decoration: Decoration.Bold));
        head.Append(e.Summary);
        if (e.Rows.Count == 0)
        {
            return head;
        }

        var table = new Table { Border = unicode ? TableBorder.Rounded : TableBorder.Ascii };
        table.AddColumn(Ui("evidence.fact"));
        table.AddColumn(Ui("evidence.value"));
        foreach (var row in e.Rows)
        {
            table.AddRow(new Text(row.Name), new Text(row.Value));
        }

        return new Rows(head, table);
    }

    public string Glyph(string outcome) => OutcomeGlyph.For(outcome, unicode);

    private static Style GlyphStyle(string outcome) => outcome switch
    {
        "pass" => new Style(Color.Green),
        "finding" => new Style(Color.Red),
        _ => new Style(Color.Yellow),
    };

    private IRenderable Ending()
    {
        var diagnosis = ctl.Session.State.Steps.LastOrDefault(s => ctl.Content.Tree.Find(s.From)?.Kind == NodeKind.Diagnosis);
        var p = new Paragraph();
        if (diagnosis is not null)
        {
            p.Append(Ui("end.diagnosis") + " ", new Style(decoration: Decoration.Bold));
            p.Append(ctl.Content.Text(ctl.Language, diagnosis.From).Title + " (" + diagnosis.From + ")\n");
        }

        p.Append(Ui("end.session", ctl.SessionPath) + "\n");
        p.Append(Ui("end.report", ctl.SessionPath));
        return p;
    }

    public string ChoiceLabel(Choice c) => ctl.Content.ChoiceLabel(ctl.Language, ctl.Current.Id, c.Id);

    /// <summary>The breadcrumb cut from the left to fit the width: "… › Reachable? › Diagnosis".</summary>
    public string Breadcrumb(int width, bool shorten = true)
    {
        var sep = unicode ? " › " : " > ";
        var parts = ctl.Breadcrumb().Select(t => shorten && t.Length > 24 ? t[..23] + (unicode ? "…" : "~") : t).ToList();
        var line = string.Join(sep, parts);
        while (Cell(line) > width && parts.Count > 1)
        {
            parts.RemoveAt(0);
            line = (unicode ? "…" : "...") + sep + string.Join(sep, parts);
        }

        return shorten ? Fit(line, width) : line;
    }

    /// <summary>Cuts a line to fit <paramref name="width"/> terminal cells (CJK characters take two).</summary>
    public static string Fit(string line, int width)
    {
        if (Cell(line) <= width)
        {
            return line;
        }

        var cut = line;
        while (cut.Length > 0 && Cell(cut) > width - 1)
        {
            cut = cut[..^1];
        }

        return cut + "…";
    }

    public static int Cell(string s) => s.Sum(ch => ch >= 0x1100 && (ch <= 0x115F || (ch >= 0x2E80 && ch <= 0xA4CF) || (ch >= 0xAC00 && ch <= 0xD7A3) || (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0xFF00 && ch <= 0xFF60) || (ch >= 0xFFE0 && ch <= 0xFFE6)) ? 2 : 1);
}
