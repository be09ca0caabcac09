using OobWizard.Core.Sessions;

namespace OobWizard.Cli;

public sealed class SystemClock : IClock
{
    public static readonly SystemClock Instance = new();

    public DateTimeOffset Now => DateTimeOffset.Now;
}
