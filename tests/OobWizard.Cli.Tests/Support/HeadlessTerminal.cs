using System.Runtime.CompilerServices;

namespace OobWizard.Cli.Tests.Support;

/// <summary>
/// Terminal.Gui's test mode (v2 has no FakeDriver): with <c>DisableRealDriverIO=1</c> its drivers
/// never touch the real terminal, so the full-screen wizard runs headless at any size.
/// </summary>
internal static class HeadlessTerminal
{
    [ModuleInitializer]
    internal static void Initialize() => Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
}
