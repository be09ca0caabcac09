using System.Reflection;
using System.Runtime.InteropServices;

namespace OobWizard.Cli.Install;

/// <summary>
/// What <c>oobwizard --version</c> prints: the version, the git commit it was built from (the SDK
/// appends it to the informational version as <c>+SHA</c> when building in a checkout), the content
/// this run would use, and the runtime (Native AOT or .NET, and the runtime identifier).
/// </summary>
public static class VersionInfo
{
    private static readonly string Informational =
        typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The version without build metadata (<c>0.1.0</c>).</summary>
    public static string Version => Informational.Split('+')[0];

    /// <summary>The full commit id the executable was built from, or null when built outside a git checkout.</summary>
    public static string? Commit => Informational.Split('+') is [_, var meta, ..] && meta.Length > 0 ? meta : null;

    /// <summary>
    /// True in the Native AOT executable: nothing is ever JIT-compiled there, while under the .NET
    /// runtime this very method was. (RuntimeFeature.IsDynamicCodeSupported cannot tell: PublishAot
    /// turns it off for `dotnet run` too.)
    /// </summary>
    public static bool IsNativeAot => System.Runtime.JitInfo.GetCompiledMethodCount() == 0;

    public static void Write(TextWriter output, ContentLocation content)
    {
        output.WriteLine(string.Format(CliText.VersionLine, Version));
        output.WriteLine(string.Format(CliText.CommitLine, Commit ?? CliText.CommitUnknown));
        output.WriteLine(string.Format(CliText.ContentLine, content.Describe()));
        output.WriteLine(string.Format(CliText.RuntimeLine, IsNativeAot ? CliText.RuntimeNativeAot : CliText.RuntimeDotnet + " " + Environment.Version, RuntimeInformation.RuntimeIdentifier));
    }
}
