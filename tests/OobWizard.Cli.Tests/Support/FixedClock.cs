using OobWizard.Core.Sessions;

namespace OobWizard.Cli.Tests.Support;

public sealed class FixedClock : IClock
{
    public DateTimeOffset Now => new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
}
