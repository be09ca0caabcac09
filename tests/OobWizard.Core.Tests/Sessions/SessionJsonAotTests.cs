using System.Text.Json;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Sessions;

/// <summary>
/// The published executable is Native AOT, where reflection-based System.Text.Json is switched off
/// ("Reflection-based serialization has been disabled" at the first save). The tests run with the
/// same switch, so a session that saves and loads here also does in the published binary.
/// </summary>
public sealed class SessionJsonAotTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_tests_run_with_reflection_based_json_switched_off_as_the_aot_binary_does() =>
        Assert.False(JsonSerializer.IsReflectionEnabledByDefault, "JsonSerializerIsReflectionEnabledByDefault must be false (Directory.Build.props)");

    [Fact]
    public void A_session_with_evidence_notes_and_history_saves_and_loads_without_reflection()
    {
        var saved = SampleSessions.Busy(new FixedClock());
        var file = _dir.File("s.json");

        SessionStore.Save(file, saved);
        var loaded = SessionStore.Load(file);

        Assert.Equal(saved.Evidence[0].Rows, loaded.Evidence[0].Rows);
        Assert.Equal(saved.Notes, loaded.Notes);
        Assert.Equal(saved.History, loaded.History);
    }
}
