using System.CommandLine;
using OobWizard.Core.Content;
using OobWizard.Core.Lint;

namespace OobWizard.Cli.Commands;

/// <summary>`oobwizard lint`: validates the content; exit 1 when it has errors.</summary>
public static class LintCommand
{
    public static Command Create(CliHost host, CommonOptions common)
    {
        var strict = new Option<bool>("--strict") { Description = "Treat warnings as errors" };
        var command = new Command("lint", "Check the content: references, reachability, translations, Markdown") { strict };
        command.SetAction(parse =>
        {
            var content = ContentLocator.Load(parse.GetValue(common.Content), host, out var error);
            if (content is null)
            {
                return host.Fail(error!);
            }

            var issues = ContentLinter.Lint(content, ProbeCatalog.Verdicts());
            foreach (var issue in issues)
            {
                host.Out.WriteLine(issue.ToString());
            }

            var errors = issues.Count(i => i.Severity == IssueSeverity.Error);
            var warnings = issues.Count - errors;
            var diagnoses = content.Tree.Nodes.Count(n => n.Kind == Core.Tree.NodeKind.Diagnosis);
            host.Out.WriteLine(Messages.Current.Format("lint.summary", content.Tree.Nodes.Count, diagnoses, content.Tree.Symptoms.Count, Languages.All.Count,
                Messages.Current.Count("lint.errors", errors), Messages.Current.Count("lint.warnings", warnings)));
            return errors > 0 || (parse.GetValue(strict) && warnings > 0) ? 1 : 0;
        });
        return command;
    }
}
