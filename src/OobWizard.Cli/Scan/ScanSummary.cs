using System.Globalization;
using Spectre.Console;

namespace OobWizard.Cli.Scan;

/// <summary>
/// The end of a scan (or of a stopped one): how many devices were checked and in which state, then two tables: the
/// diagnoses suggested, with how many devices and a few example hosts each, and the probe verdicts other than pass,
/// findings first. Every text is escaped: host names and notes come from the list, verdicts from the devices.
/// </summary>
public static class ScanSummary
{
    public static void Write(IAnsiConsole console, ScanTally tally, int total, TimeSpan elapsed, bool hintJson)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(tally);
        var states = Enum.GetValues<ScanStatus>().Where(s => tally.Count(s) > 0).Select(s => ScanText.StatusCount(s, tally.Count(s))).ToList();
        console.WriteLine(ScanText.Checked(tally.Done, total, elapsed));
        if (states.Count > 0) console.WriteLine(string.Join(ScanText.ListSeparator, states));

        var diagnoses = tally.ByDiagnosis();
        console.WriteLine();
        if (diagnoses.Count == 0)
        {
            console.WriteLine(ScanText.NoDiagnosis);
        }
        else
        {
            console.Write(new Markup(Markup.Escape(ScanText.ByDiagnosis) + "\n", new Style(decoration: Decoration.Bold)));
            var table = NewTable(ScanText.DevicesHeader, ScanText.DiagnosisHeader, ScanText.ExamplesHeader);
            foreach (var (diagnosis, devices, examples) in diagnoses)
            {
                table.AddRow(Text(Count(devices)), Text(diagnosis), Text(Examples(examples, devices)));
            }

            console.Write(table);
        }

        var verdicts = tally.ByVerdict();
        if (verdicts.Count > 0)
        {
            console.WriteLine();
            console.Write(new Markup(Markup.Escape(ScanText.ByVerdict) + "\n", new Style(decoration: Decoration.Bold)));
            var unicode = console.Profile.Capabilities.Unicode;
            var table = NewTable(ScanText.DevicesHeader, ScanText.ProbeVerdictHeader, ScanText.ExamplesHeader);
            foreach (var (probe, verdict, outcome, devices, examples) in verdicts)
            {
                var glyph = OutcomeGlyph.For(outcome.ToString().ToLowerInvariant(), unicode);
                table.AddRow(Text(Count(devices)), Text($"{glyph} {probe}: {verdict}"), Text(Examples(examples, devices)));
            }

            console.Write(table);
        }

        var undecided = tally.Undecided();
        if (undecided.Count > 0)
        {
            console.WriteLine();
            console.WriteLine(ScanText.Undecided(undecided));
        }

        if (hintJson)
        {
            console.WriteLine();
            console.WriteLine(ScanText.JsonHint);
        }
    }

    private static Table NewTable(params string[] headers)
    {
        var table = new Table().Border(TableBorder.None);
        for (var i = 0; i < headers.Length; i++)
        {
            var column = new TableColumn(new Text(headers[i], new Style(decoration: Decoration.Underline))).Padding(0, 0, 2, 0);
            if (i == 0) column.RightAligned();
            if (i < headers.Length - 1) column.NoWrap();
            table.AddColumn(column);
        }

        return table;
    }

    private static Text Text(string value) => new(value);

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Examples(IReadOnlyList<string> hosts, int devices) =>
        string.Join(", ", hosts) + (devices > hosts.Count ? " " + ScanText.MoreHosts(devices - hosts.Count) : "");
}
