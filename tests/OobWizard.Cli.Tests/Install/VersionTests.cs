using System.Diagnostics;
using OobWizard.Cli.Install;
using OobWizard.Cli.Tests.Support;

namespace OobWizard.Cli.Tests.Install;

public sealed class VersionTests
{
    [SkippableFact]
    public void Version_PrintsTheCommitItWasBuiltFrom()
    {
        var head = Git("rev-parse", "HEAD");
        Skip.If(head is null, "not a git checkout (or no git): the commit cannot be compared");
        using var run = new CliRun { Content = null };

        run.Run("", "--version");

        Assert.Equal(0, run.Exit);
        Assert.Contains($"commit: {head}", run.Out);
        Assert.StartsWith($"oobwizard {VersionInfo.Version}\n", run.Out.ReplaceLineEndings("\n"));
        Assert.Matches(@"^\d+\.\d+\.\d+", VersionInfo.Version);
        Assert.Contains("runtime: .NET ", run.Out); // tests run on the JIT; the published binary says Native AOT (.ci/smoke-published)
    }

    private static string? Git(params string[] args)
    {
        try
        {
            var psi = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root };
            psi.ArgumentList.Add("-C");
            psi.ArgumentList.Add(Repo.Root);
            foreach (var a in args)
            {
                psi.ArgumentList.Add(a);
            }

            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 && output.Length == 40 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
