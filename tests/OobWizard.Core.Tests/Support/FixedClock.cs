using OobWizard.Core.Sessions;

namespace OobWizard.Core.Tests.Support;

/// <summary>A clock that says what the test tells it to.</summary>
public sealed class FixedClock(DateTimeOffset now) : IClock
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(1));

    public FixedClock()
        : this(Epoch)
    {
    }

    public DateTimeOffset Now { get; private set; } = now;

    public void Advance(TimeSpan by) => Now += by;
}
