using System.CommandLine;
using OobWizard.Core.Content;

namespace OobWizard.Cli;

/// <summary>Options every command understands.</summary>
public sealed class CommonOptions
{
    public Option<string?> Content { get; } = new("--content") { Description = "Content folder (default: the one shipped with oobwizard)", Recursive = true };

    public Option<string?> Lang { get; } = new("--lang") { Description = "Language: en, de or ja (default: from LC_ALL/LANG)", Recursive = true };

    public CommonOptions()
    {
        Lang.AcceptOnlyFromAmong([.. Languages.All]);
    }

    public string Language(ParseResult parse, CliHost host) =>
        parse.GetValue(Lang) ?? Languages.FromEnvironment(host.Env);
}
