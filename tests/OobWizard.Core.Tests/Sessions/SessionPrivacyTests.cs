using System.Text.Json.Nodes;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Sessions;

/// <summary>A session holds no secrets: its JSON has only the known property names, none for a password.</summary>
public sealed class SessionPrivacyTests : IDisposable
{
    private static readonly string[] KnownNames =
    [
        // session
        "format", "version", "id", "created", "updated", "language", "target", "offline", "lab", "current", "path", "steps", "evidence", "notes", "history",
        // steps
        "from", "trigger", "to", "at",
        // evidence, its rows, notes, history entries
        "Node", "Probe", "Outcome", "Verdict", "Summary", "SummaryKey", "SummaryArgs", "Rows", "NameKey", "NameArgs", "ValueKey", "Suggested", "At", "Name", "Value", "Text", "Event",
    ];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static IEnumerable<string> PropertyNames(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => PropertyNames(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(PropertyNames),
        _ => [],
    };

    [Fact]
    public void The_session_json_uses_only_the_known_property_names()
    {
        var file = _dir.File("s.json");
        SessionStore.Save(file, SampleSessions.Busy(new FixedClock()));

        var names = PropertyNames(JsonNode.Parse(File.ReadAllText(file))).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(KnownNames.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void A_session_with_a_target_and_evidence_serialises_without_the_word_password()
    {
        var file = _dir.File("s.json");
        SessionStore.Save(file, SampleSessions.Busy(new FixedClock()));

        Assert.DoesNotContain("password", File.ReadAllText(file), StringComparison.OrdinalIgnoreCase);
    }
}
