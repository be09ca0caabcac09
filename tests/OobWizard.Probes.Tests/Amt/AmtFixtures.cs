using System.Runtime.CompilerServices;

namespace OobWizard.Probes.Tests.Amt;

/// <summary>The recorded responses in Fixtures/ (see Fixtures/SOURCES.md), found next to this source file.</summary>
internal static class AmtFixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory(), "Fixtures", name));

    private static string Directory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
