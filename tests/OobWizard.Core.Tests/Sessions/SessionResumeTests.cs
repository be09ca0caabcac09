using OobWizard.Core.Engine;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Sessions;

/// <summary>A loaded session continues where it stopped: the engine works on the restored state.</summary>
public sealed class SessionResumeTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FixedClock _clock = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Back_after_loading_follows_the_saved_path()
    {
        var file = _dir.File("s.json");
        SessionStore.Save(file, SampleSessions.Busy(_clock));
        var loaded = SessionStore.Load(file);
        var tree = Trees.Small();

        var back = WizardEngine.Fire(tree, loaded.State, Trigger.Back);
        loaded.Apply(back, Trigger.Back, _clock);

        Assert.Equal("shared", loaded.State.Current);
        Assert.Equal(loaded.State.Steps.Count, loaded.StepTimes.Count);
    }

    [Fact]
    public void Saving_a_loaded_session_again_gives_the_same_file()
    {
        var first = _dir.File("a.json");
        var second = _dir.File("b.json");
        SessionStore.Save(first, SampleSessions.Busy(_clock));

        SessionStore.Save(second, SessionStore.Load(first));

        Assert.Equal(File.ReadAllText(first), File.ReadAllText(second));
    }
}
