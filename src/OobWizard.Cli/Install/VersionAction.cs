using System.CommandLine;
using System.CommandLine.Invocation;

namespace OobWizard.Cli.Install;

/// <summary>Replaces System.CommandLine's --version (the bare version) with <see cref="VersionInfo"/>.</summary>
public sealed class VersionAction(CliHost host, CommonOptions common) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        VersionInfo.Write(host.Out, ContentLocator.Locate(parseResult.GetValue(common.Content), host.Env));
        return 0;
    }
}
