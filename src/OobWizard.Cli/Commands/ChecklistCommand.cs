using System.CommandLine;
using OobWizard.Core.Export;

namespace OobWizard.Cli.Commands;

/// <summary>`oobwizard checklist --symptom ID [--format md|html]`: a symptom's subtree to print.</summary>
public static class ChecklistCommand
{
    public static Command Create(CliHost host, CommonOptions common)
    {
        var symptom = new Option<string?>("--symptom") { Description = "Symptom id (see `oobwizard checklist --list`)" };
        var format = new Option<string>("--format") { Description = "md or html", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html");
        var list = new Option<bool>("--list") { Description = "List the symptom ids" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var force = new Option<bool>("--force") { Description = "Replace the --output file if it exists (a saved session is never replaced)" };
        var command = new Command("checklist", "Print a symptom's questions, checks and fixes as a checklist") { symptom, format, list, output, force };
        command.SetAction(parse =>
        {
            var content = ContentLocator.Load(parse.GetValue(common.Content), host, out var error);
            if (content is null)
            {
                return host.Fail(error!);
            }

            var lang = common.Language(parse, host);
            if (parse.GetValue(list) || parse.GetValue(symptom) is null)
            {
                if (!parse.GetValue(list))
                {
                    host.Err.WriteLine("oobwizard: " + Messages.Current.Format("error.symptom-required"));
                }

                foreach (var s in content.Tree.Symptoms)
                {
                    (parse.GetValue(list) ? host.Out : host.Err).WriteLine($"  {s.Id,-24} {content.ChoiceLabel(lang, "start", s.Id)}");
                }

                return parse.GetValue(list) ? 0 : 2;
            }

            var found = ChecklistExporter.FindSymptom(content.Tree, parse.GetValue(symptom)!);
            if (found is null)
            {
                return host.Fail(Messages.Current.Format("error.symptom-unknown", parse.GetValue(symptom)));
            }

            var text = parse.GetValue(format) == "html"
                ? ChecklistExporter.ToHtml(content, lang, found)
                : ChecklistExporter.ToMarkdown(content, lang, found);
            return host.Emit(text, parse.GetValue(output), parse.GetValue(force));
        });
        return command;
    }
}
