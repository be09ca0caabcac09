using System.Collections.Immutable;
using OobWizard.Core.Engine;

namespace OobWizard.Core.Sessions;

/// <summary>
/// One troubleshooting session: the engine state plus what the user and the probes said.
/// Holds no secrets by construction: there is no field for a password.
/// </summary>
public sealed class Session
{
    public const string FormatName = "oobwizard-session";
    public const int FormatVersion = 1;

    public required string Id { get; init; }
    public required DateTimeOffset Created { get; init; }
    public DateTimeOffset Updated { get; set; }
    public required string Language { get; set; }
    public string? Target { get; set; }
    public bool Offline { get; set; }

    /// <summary>
    /// The lab scenario a demo session runs against (<c>oobwizard demo</c>); null for a real device.
    /// A demo session resumes into a fresh lab of this scenario, never against the old address.
    /// </summary>
    public string? Lab { get; set; }

    /// <summary>The engine state, with the time each step was taken.</summary>
    public WizardState State { get; private set; } = WizardState.Initial;

    private ImmutableList<DateTimeOffset> _stepTimes = [];

    public IReadOnlyList<DateTimeOffset> StepTimes => _stepTimes;

    public List<ProbeEvidence> Evidence { get; init; } = [];
    public List<SessionNote> Notes { get; init; } = [];
    public List<HistoryEntry> History { get; init; } = [];

    public static Session New(IClock clock, string language, string? target, bool offline)
    {
        var now = clock.Now;
        var s = new Session
        {
            Id = Guid.NewGuid().ToString("N")[..12],
            Created = now,
            Updated = now,
            Language = language,
            Target = target,
            Offline = offline,
        };
        s.History.Add(new HistoryEntry(now, "start"));
        return s;
    }

    /// <summary>Applies an accepted transition, keeping step times aligned with the steps.</summary>
    public void Apply(Transition transition, Trigger trigger, IClock clock)
    {
        if (!transition.Accepted)
        {
            return;
        }

        var now = clock.Now;
        var next = transition.State;
        _stepTimes = next.Steps.Count switch
        {
            var n when n > _stepTimes.Count => _stepTimes.AddRange(Enumerable.Repeat(now, n - _stepTimes.Count)),
            var n => _stepTimes.RemoveRange(n, _stepTimes.Count - n),
        };
        State = next;
        Updated = now;
        History.Add(new HistoryEntry(now, $"{trigger} -> {next.Current}"));
    }

    /// <summary>Restores a saved state (used by the store when loading).</summary>
    internal void Restore(WizardState state, IEnumerable<DateTimeOffset> times)
    {
        State = state;
        _stepTimes = [.. times];
    }

    public void Record(string @event, IClock clock)
    {
        Updated = clock.Now;
        History.Add(new HistoryEntry(Updated, @event));
    }
}
