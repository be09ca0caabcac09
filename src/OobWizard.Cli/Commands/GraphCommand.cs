using System.CommandLine;
using OobWizard.Core.Export;

namespace OobWizard.Cli.Commands;

/// <summary>`oobwizard graph --format mermaid|dot|json`.</summary>
public static class GraphCommand
{
    public static Command Create(CliHost host, CommonOptions common)
    {
        var format = new Option<string>("--format") { Description = "mermaid, dot or json", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("mermaid", "dot", "json");
        var command = new Command("graph", "Print the decision tree as a graph") { format };
        command.SetAction(parse =>
        {
            var content = ContentLocator.Load(parse.GetValue(common.Content), host, out var error);
            if (content is null)
            {
                return host.Fail(error!);
            }

            host.Out.Write(parse.GetValue(format) switch
            {
                "mermaid" => GraphExporter.ToMermaid(content.Tree),
                "dot" => GraphExporter.ToDot(content.Tree),
                _ => GraphExporter.ToJson(content.Tree) + "\n",
            });
            return 0;
        });
        return command;
    }
}
