using OobWizard.Cli.Rendering;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tree;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OobWizard.Cli.Wizard;

/// <summary>Builds the renderables of one step (title, guidance, evidence), shared by both front ends.</summary>
public sealed class PageBuilder(WizardController ctl, bool unicode, MarkdownTheme? theme = null)
{
    public string Ui(string key) => ctl.Content.Ui(ctl.Language, key);

    public string Ui(string key, params object?[] args) => ctl.Content.UiFormat(ctl.Language, key, args);

    public MarkdownRenderer NewRenderer() =>
        new(theme, unicode: unicode, alertTitle: kind => Ui("alert." + kind.ToLowerInvariant()));

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
        var isProbe = ctl.Current.Kind == NodeKind.Probe;
        // A check's page shows its own result, never the previous check's evidence on top.
        if (!isProbe && ctl.ArrivalEvidence is { } arrived)
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

        if (isProbe && ctl.EvidenceHere is { } here)
        {
            items.Add(new Text(""));
            items.Add(Evidence(here));
            // Back at a check that decided: say where it led, not "the check could not decide".
            items.Add(ctl.EvidenceHereLeadsTo is { } next
                ? new Text(Ui("probe.decided", ctl.Content.Text(ctl.Language, next).Title), new Style(Color.Aqua))
                : new Text(Ui("probe.manual"), new Style(Color.Yellow)));
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
        head.Append(e.SummaryIn(ctl.Content, ctl.Language));
        if (e.Rows.Count == 0)
        {
            return head;
        }

        var table = new Table { Border = unicode ? TableBorder.Rounded : TableBorder.Ascii };
        table.AddColumn(Ui("evidence.fact"));
        table.AddColumn(Ui("evidence.value"));
        foreach (var row in e.Rows)
        {
            table.AddRow(new Text(row.NameIn(ctl.Content, ctl.Language)), new Text(row.ValueIn(ctl.Content, ctl.Language)));
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
        var findings = SessionFindings.Diagnoses(ctl.Content.Tree, ctl.Session.State);
        var diagnosis = SessionFindings.Diagnosis(findings);
        var bold = new Style(decoration: Decoration.Bold);
        var p = new Paragraph();
        string Name(DiagnosisFinding f) => ctl.Content.Text(ctl.Language, f.Node).Title + " (" + f.Node + ")";
        if (diagnosis is not null)
        {
            p.Append(Ui(diagnosis.ConfirmedByProbe ? "end.confirmed" : "end.diagnosis") + " ", bold);
            CjkText.Append(p, Name(diagnosis), Style.Plain);
            if (diagnosis.ConfirmedByProbe)
            {
                p.Append($" [{diagnosis.Probe}: {diagnosis.Verdict}]", new Style(Color.Grey));
            }

            if (diagnosis.Status == DiagnosisStatus.NotFixed)
            {
                p.Append(" - " + Ui("end.fix-failed"), new Style(Color.Yellow));
            }

            p.Append("\n");
        }

        // Rejected candidates are listed as ruled out, never as the diagnosis.
        foreach (var f in findings.Where(f => f != diagnosis && f.Status == DiagnosisStatus.NotFixed))
        {
            p.Append(Ui(f.ConfirmedByProbe ? "end.confirmed" : "end.ruled-out") + " ", bold);
            CjkText.Append(p, Name(f), Style.Plain);
            p.Append("\n");
        }

        p.Append(Ui("end.session", ctl.SessionPath) + "\n");
        p.Append(Ui("end.report", ctl.SessionPath));
        return p;
    }

    public string ChoiceLabel(Choice c) => ctl.Content.ChoiceLabel(ctl.Language, ctl.Current.Id, c.Id);

    /// <summary>
    /// The breadcrumb fitted to the width: whole titles when they fit, else earlier titles cut to
    /// 24 cells, else the oldest steps dropped from the left ("… › Reachable? › Diagnosis").
    /// </summary>
    public string Breadcrumb(int width, bool shorten = true)
    {
        var sep = unicode ? " › " : " > ";
        var titles = ctl.Breadcrumb();
        var line = string.Join(sep, titles);
        if (!shorten || Cell(line) <= width)
        {
            return shorten ? Fit(line, width) : line;
        }

        var parts = titles.Select((t, i) => i < titles.Count - 1 ? Fit(t, 24) : t).ToList();
        line = string.Join(sep, parts);
        while (Cell(line) > width && parts.Count > 1)
        {
            parts.RemoveAt(0);
            line = (unicode ? "…" : "...") + sep + string.Join(sep, parts);
        }

        return Fit(line, width);
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
