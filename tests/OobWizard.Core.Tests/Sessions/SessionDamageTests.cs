using System.Text.Json.Nodes;
using OobWizard.Core.Content;
using OobWizard.Core.Export;
using OobWizard.Core.Sessions;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Sessions;

/// <summary>
/// A damaged session file (a careless edit, a bad disk, a hostile attachment): whatever field is
/// null or of the wrong type, loading either gives a session every reader can use, or refuses with
/// one line "not a valid session file" naming the field. Never a NullReferenceException later.
/// </summary>
public sealed class SessionDamageTests : IDisposable
{
    private static readonly Lazy<ContentSet> Content = new(() => ContentLoader.Load(RepoContent.Directory));

    private readonly TempDirectory _dir = new();
    private readonly FixedClock _clock = new();

    public void Dispose() => _dir.Dispose();

    // The variants of the hostile-input report (null where a list or an object belongs) and their kin.
    [Theory]
    [InlineData("steps", "null", "steps")]
    [InlineData("steps[0]", "null", "steps[0]")]
    [InlineData("evidence", "null", "evidence")]
    [InlineData("evidence[0]", "null", "evidence[0]")]
    [InlineData("evidence[0].Rows", "null", "evidence[0].Rows")]
    [InlineData("evidence[0].Rows[0]", "null", "evidence[0].Rows[0]")]
    [InlineData("evidence[0].Suggested", "null", "evidence[0].Suggested")]
    [InlineData("evidence[0].Summary", "null", "evidence[0].Summary")]
    [InlineData("notes[0]", "null", "notes[0]")]
    [InlineData("history", "null", "history")]
    [InlineData("history[0]", "null", "history[0]")]
    [InlineData("path", "null", "path")]
    [InlineData("current", "null", "current")]
    [InlineData("id", "null", "id")]
    [InlineData("created", "\"yesterday\"", "created")]
    [InlineData("language", "\"xx\"", "language")]
    [InlineData("offline", "\"no\"", "offline")]
    [InlineData("steps[1].trigger", "\"jump\"", "steps[1].trigger")]
    [InlineData("steps[1].from", "\"elsewhere\"", "steps[1].from")]
    [InlineData("current", "\"end.resolved\"", "current")]
    [InlineData("evidence[0].Rows", "{}", "evidence[0].Rows")]
    [InlineData("notes", "\"none\"", "notes")]
    [InlineData("version", "\"1\"", "version")]
    public void A_damaged_field_is_refused_in_one_line_that_names_it(string field, string json, string named)
    {
        var file = Damaged(field, JsonNode.Parse(json));
        var before = File.ReadAllBytes(file);

        var ex = Assert.Throws<SessionException>(() => SessionStore.Load(file));

        Assert.Contains("not a valid session file", ex.Message);
        Assert.Contains($"\"{named}\"", ex.Message);
        Assert.Contains(file, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Equal(before, File.ReadAllBytes(file));
    }

    [Fact]
    public void Every_field_replaced_by_every_kind_of_value_loads_cleanly_or_is_refused_never_crashes()
    {
        var original = SavedBusy();
        var replacements = new Func<JsonNode?>[] { () => null, () => 42, () => "x", () => new JsonObject(), () => new JsonArray(), () => true, () => new JsonArray((JsonNode?)null) };
        var tried = 0;
        foreach (var field in Fields(JsonNode.Parse(original)!, ""))
        {
            foreach (var value in replacements)
            {
                var file = Damaged(field, value(), original);
                tried++;
                Session? loaded = null;
                try
                {
                    loaded = SessionStore.Load(file);
                }
                catch (SessionException ex)
                {
                    Assert.DoesNotContain('\n', ex.Message);
                }

                if (loaded is not null)
                {
                    // Whatever loads, every reader can use: the report walks every field.
                    _ = ReportExporter.ToMarkdown(Content.Value, loaded);
                    _ = ReportExporter.ToHtml(Content.Value, loaded);
                    SessionStore.Save(_dir.File("again.json"), loaded);
                }
            }
        }

        Assert.True(tried > 200, $"only {tried} variants tried");
    }

    private string SavedBusy()
    {
        var file = _dir.File("busy.json");
        SessionStore.Save(file, SampleSessions.Busy(_clock));
        return File.ReadAllText(file);
    }

    private string Damaged(string field, JsonNode? value, string? original = null)
    {
        var root = JsonNode.Parse(original ?? SavedBusy())!;
        Set(root, field, value);
        var file = _dir.File("damaged.json");
        File.WriteAllText(file, root.ToJsonString());
        return file;
    }

    /// <summary>Every field and list item below <paramref name="node"/>, as "a.b[2].c".</summary>
    private static IEnumerable<string> Fields(JsonNode node, string at)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                {
                    var path = at.Length == 0 ? key : at + "." + key;
                    yield return path;
                    if (child is not null)
                    {
                        foreach (var inner in Fields(child, path))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var path = $"{at}[{i}]";
                    yield return path;
                    if (a[i] is { } child)
                    {
                        foreach (var inner in Fields(child, path))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
        }
    }

    private static void Set(JsonNode root, string field, JsonNode? value)
    {
        var parts = field.Replace("[", ".[").Split('.', StringSplitOptions.RemoveEmptyEntries);
        var node = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var last = i == parts.Length - 1;
            var part = parts[i];
            if (part.StartsWith('['))
            {
                var index = int.Parse(part[1..^1], System.Globalization.CultureInfo.InvariantCulture);
                if (last)
                {
                    node.AsArray()[index] = value;
                }
                else
                {
                    node = node.AsArray()[index]!;
                }
            }
            else if (last)
            {
                node.AsObject()[part] = value;
            }
            else
            {
                node = node.AsObject()[part]!;
            }
        }
    }
}
