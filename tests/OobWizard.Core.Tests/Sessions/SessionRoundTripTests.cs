using System.Text.Json.Nodes;
using OobWizard.Core.Engine;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Sessions;

public sealed class SessionRoundTripTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FixedClock _clock = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_saved_session_loads_back_with_the_same_state_steps_path_evidence_notes_language_and_target()
    {
        var saved = SampleSessions.Busy(_clock);
        var file = _dir.File("s.json");

        SessionStore.Save(file, saved);
        var loaded = SessionStore.Load(file);

        Assert.Equal(saved.Id, loaded.Id);
        Assert.Equal(saved.Created, loaded.Created);
        Assert.Equal(saved.Created.Offset, loaded.Created.Offset);
        Assert.Equal(saved.Updated, loaded.Updated);
        Assert.Equal("de", loaded.Language);
        Assert.Equal("amt-pc.corp.example.com", loaded.Target);
        Assert.True(loaded.Offline);
        Assert.Equal(saved.State, loaded.State);
        Assert.Equal("d.two", loaded.State.Current);
        Assert.Equal(["start", "sym.b", "shared", "d.two"], loaded.State.Path);
        Assert.Equal(saved.State.Steps, loaded.State.Steps);
        Assert.Equal(saved.StepTimes, loaded.StepTimes);

        var e = Assert.Single(loaded.Evidence);
        var s = saved.Evidence[0];
        Assert.Equal((s.Node, s.Probe, s.Outcome, s.Verdict, s.Summary, s.At), (e.Node, e.Probe, e.Outcome, e.Verdict, e.Summary, e.At));
        Assert.Equal(s.Rows, e.Rows);
        Assert.Equal(s.Suggested, e.Suggested);
        Assert.Equal(saved.Notes, loaded.Notes);
        Assert.Equal(saved.History, loaded.History);
    }

    [Fact]
    public void Step_times_follow_back_so_each_remaining_step_keeps_its_own_time()
    {
        var session = SampleSessions.Busy(_clock);

        // Steps: b (t+1), pass (t+2), jump (t+5); the step "go" (t+3) was undone by back (t+4).
        Assert.Equal(session.State.Steps.Count, session.StepTimes.Count);
        Assert.Equal(
            [FixedClock.Epoch.AddMinutes(1), FixedClock.Epoch.AddMinutes(2), FixedClock.Epoch.AddMinutes(5)],
            session.StepTimes);
    }

    [Fact]
    public void A_new_session_saves_and_loads_at_the_start()
    {
        var file = _dir.File("new.json");
        SessionStore.Save(file, Session.New(_clock, "ja", null, offline: false));

        var loaded = SessionStore.Load(file);

        Assert.Equal(WizardState.Initial, loaded.State);
        Assert.Null(loaded.Target);
        Assert.Equal("ja", loaded.Language);
    }

    [Fact]
    public void The_saved_json_has_format_current_and_path()
    {
        var session = SampleSessions.Busy(_clock);
        var file = _dir.File("s.json");

        SessionStore.Save(file, session);
        var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();

        Assert.Equal(Session.FormatName, (string?)json["format"]);
        Assert.Equal("d.two", (string?)json["current"]);
        Assert.Equal(["start", "sym.b", "shared", "d.two"], json["path"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(
            ["choice:b", "verdict:pass", "jump:d.two"],
            json["steps"]!.AsArray().Select(st => (string?)st!["trigger"]));
    }
}
