namespace OobWizard.Core.Sessions;

/// <summary>The only way Core learns the time (tests pass a fixed clock).</summary>
public interface IClock
{
    DateTimeOffset Now { get; }
}
