using System.Globalization;
using System.Text;
using OobWizard.Core.Content;
using OobWizard.Core.Engine;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Export;

/// <summary>
/// A session as a report to attach to a ticket or hand to the next level: the symptom, the path
/// with the answers given, what every live check found, the notes, and where it ended.
/// Holds nothing the session does not (and the session holds no secrets).
/// </summary>
public static class ReportExporter
{
    public static string ToMarkdown(ContentSet content, Session session)
    {
        var lang = session.Language;
        var tree = content.Tree;
        string Ui(string key) => content.Ui(lang, key);
        string Title(string id) => tree.Contains(id) ? content.Text(lang, id).Title : id;

        var sb = new StringBuilder();
        sb.Append("# ").Append(Ui("report.title")).Append("\n\n");
        var steps = session.State.Steps;
        var symptom = steps.FirstOrDefault(s => s.From == Node.StartId && s.Trigger.Kind == TriggerKind.Choice);
        // The cause a live probe confirmed comes first; a candidate the user rejected is never "the diagnosis".
        var findings = SessionFindings.Diagnoses(tree, session.State);
        var named = SessionFindings.Diagnosis(findings);
        var diagnosis = named?.Node;
        var current = session.State.Current;
        var outcome = current switch
        {
            Node.ResolvedId => Ui("report.outcome.resolved"),
            Node.EscalateId => Ui("report.outcome.escalate"),
            _ => Ui("report.outcome.open") + " " + Title(current),
        };

        Row(sb, Ui("report.symptom"), symptom is null ? "-" : content.ChoiceLabel(lang, Node.StartId, symptom.Trigger.Value!));
        Row(sb, Ui("report.outcome"), outcome);
        Row(sb, Ui("report.diagnosis"), named is null ? "-" : $"{Title(named.Node)} (`{named.Node}`)"
            + (named.ConfirmedByProbe ? $"; {Ui("report.confirmed")}: `{named.Probe}` → `{named.Verdict}`" : ""));
        var ruledOut = findings.Where(f => f.Rejected).ToList();
        if (ruledOut.Count > 0)
        {
            Row(sb, Ui("report.ruled-out"), string.Join("; ", ruledOut.Select(f => $"{Title(f.Node)} (`{f.Node}`)")));
        }

        Row(sb, Ui("report.target"), session.Target ?? "-");
        Row(sb, Ui("report.mode"), session.Offline ? Ui("report.mode.offline") : Ui("report.mode.live"));
        Row(sb, Ui("report.session"), $"{session.Id}, {Stamp(session.Created)} – {Stamp(session.Updated)}");
        sb.Append('\n');

        sb.Append("## ").Append(Ui("report.path")).Append("\n\n");
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var answer = step.Trigger.Kind switch
            {
                TriggerKind.Choice => content.ChoiceLabel(lang, step.From, step.Trigger.Value!),
                TriggerKind.Verdict => $"{Ui("report.check")}: `{tree.Find(step.From)?.Probe}` → `{step.Trigger.Value}`",
                TriggerKind.Jump => $"{Ui("report.jump")} `{step.Trigger.Value}`",
                _ => step.Trigger.ToString(),
            };
            sb.Append(i + 1).Append(". **").Append(Escape(Title(step.From))).Append("**: ").Append(Escape(answer)).Append('\n');
        }

        if (steps.Count == 0)
        {
            sb.Append("-\n");
        }

        sb.Append('\n');
        if (session.Evidence.Count > 0)
        {
            sb.Append("## ").Append(Ui("report.checks")).Append("\n\n");
            foreach (var e in session.Evidence)
            {
                sb.Append("### `").Append(e.Probe).Append("`: ").Append(content.Ui(lang, "outcome." + e.Outcome, e.Outcome)).Append(" (`").Append(e.Verdict).Append("`)\n\n");
                sb.Append(Escape(e.SummaryIn(content, lang))).Append("\n\n");
                if (e.Rows.Count > 0)
                {
                    sb.Append('|').Append(Ui("evidence.fact")).Append('|').Append(Ui("evidence.value")).Append("|\n|---|---|\n");
                    foreach (var r in e.Rows)
                    {
                        sb.Append('|').Append(Cell(r.NameIn(content, lang))).Append('|').Append(Cell(r.ValueIn(content, lang))).Append("|\n");
                    }

                    sb.Append('\n');
                }

                if (e.Suggested.Count > 0)
                {
                    sb.Append(Ui("report.suggested")).Append(' ').Append(string.Join(", ", e.Suggested.Select(s => $"`{s}`"))).Append("\n\n");
                }
            }
        }

        if (session.Notes.Count > 0)
        {
            sb.Append("## ").Append(Ui("report.notes")).Append("\n\n");
            foreach (var n in session.Notes)
            {
                sb.Append("- ").Append(Stamp(n.At)).Append(", ").Append(Escape(Title(n.Node))).Append(": ").Append(Escape(n.Text)).Append('\n');
            }

            sb.Append('\n');
        }

        if (diagnosis is not null && current != Node.ResolvedId)
        {
            var fix = content.Text(lang, diagnosis);
            sb.Append("## ").Append(Ui("report.last-fix")).Append(": ").Append(Escape(fix.Title)).Append("\n\n");
            sb.Append(ChecklistExporter.Demote(fix.Body).Trim()).Append("\n\n");
        }

        return sb.ToString();
    }

    public static string ToHtml(ContentSet content, Session session) =>
        HtmlPage.FromMarkdown(session.Language, content.Ui(session.Language, "report.title"), ToMarkdown(content, session));

    private static void Row(StringBuilder sb, string name, string value) =>
        sb.Append("- **").Append(name).Append(":** ").Append(Escape(value).Replace("\n", " ", StringComparison.Ordinal)).Append('\n');

    private static string Cell(string s) => Escape(s).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    // Text from probes and users must not become Markdown or HTML structure in the report.
    private static string Escape(string s) => s.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Stamp(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
}
