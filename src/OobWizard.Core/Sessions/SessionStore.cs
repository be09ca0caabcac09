using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using OobWizard.Core.Engine;
using OobWizard.Core.Files;

namespace OobWizard.Core.Sessions;

/// <summary>
/// Saves sessions as JSON atomically (<see cref="AtomicFile"/>: temp file in the same folder, flushed
/// to disk, renamed over the target) so a crash or a dropped link never leaves half a file, and loads
/// them back: only from a regular file of at most <see cref="ReadLimit.Session"/>, validated as a
/// whole (<see cref="SessionValidator"/>) before any field is used.
/// </summary>
public static class SessionStore
{
    private static readonly JsonSerializerOptions Indented = SessionJsonContext.Default.Options;

    /// <summary>Writes the session over <paramref name="path"/> through <see cref="AtomicFile"/> (creating the folder).</summary>
    /// <exception cref="FileWriteRefusedException">the file is read-only by its permission bits, or not a regular file; it was left alone.</exception>
    /// <exception cref="IOException">the write failed (disk full, read-only file system); the previous file is intact.</exception>
    /// <exception cref="UnauthorizedAccessException">no permission to write in the folder; the previous file is intact.</exception>
    public static void Save(string path, Session session)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.WriteAllText(path, ToJson(session).ToJsonString(Indented), ExistingFile.Replace);
    }

    /// <summary>What is at <paramref name="path"/>: nothing, one of our sessions, or something else (never to be overwritten).</summary>
    public static SessionFileState Inspect(string path)
    {
        if (FileKinds.Of(path).Kind == FileKind.Missing)
        {
            return SessionFileState.Missing;
        }

        try
        {
            Load(path);
            return SessionFileState.Session;
        }
        catch (SessionException)
        {
            return SessionFileState.Foreign;
        }
    }

    /// <exception cref="SessionException">the file is missing, not JSON, not a session, or from a newer version.</exception>
    public static Session Load(string path)
    {
        string text;
        try
        {
            text = InputFile.ReadAllText(path, ReadLimit.Session);
        }
        catch (InputFileException ex)
        {
            throw new SessionException(ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SessionException($"cannot read session {path}: {ex.Message}", "session.cannot-read", path, ex.Message);
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new SessionException($"{path}:{(ex.LineNumber ?? 0) + 1}: not a valid session file (broken JSON: {ex.Message.Split('.')[0]})", "session.broken-json", path, (ex.LineNumber ?? 0) + 1, ex.Message.Split('.')[0]);
        }

        string? format;
        try
        {
            // A format that is not a string (a number, an object) means "not ours", not a crash.
            format = root is JsonObject o && o["format"] is JsonValue v && v.TryGetValue<string>(out var f) ? f : null;
        }
        catch (ArgumentException ex)
        {
            // JsonObject throws on duplicate property names when it is first read.
            throw new SessionException($"{path}: not a valid session file ({ex.Message.Split('.')[0]}); it was left untouched", "session.invalid", path, ex.Message.Split('.')[0]);
        }

        if (root is not JsonObject obj || format != Session.FormatName)
        {
            throw new SessionException($"{path} is not an OobWizard session (expected \"format\": \"{Session.FormatName}\"); it was left untouched", "session.foreign", path, Session.FormatName);
        }

        // A newer format may have another shape: say so before judging the shape.
        if (obj["version"] is JsonValue ver && ver.TryGetValue<int>(out var version) && version > Session.FormatVersion)
        {
            throw new SessionException($"{path} was written by a newer OobWizard (session format {version}); update the tool to continue it", "session.newer", path, version);
        }

        if (SessionValidator.Problem(obj) is { } problem)
        {
            throw new SessionException($"{path}: not a valid session file: {problem}; it was left untouched", "session.invalid", path, problem);
        }

        try
        {
            return FromJson(obj, path);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException or NullReferenceException or ArgumentException)
        {
            throw new SessionException($"{path}: damaged session ({ex.Message}); it was left untouched", "session.damaged", path, ex.Message);
        }
    }

    private static JsonObject ToJson(Session s)
    {
        var steps = new JsonArray();
        for (var i = 0; i < s.State.Steps.Count; i++)
        {
            var st = s.State.Steps[i];
            steps.Add((JsonNode)new JsonObject
            {
                ["from"] = st.From,
                ["trigger"] = st.Trigger.ToString(),
                ["to"] = st.To,
                ["at"] = i < s.StepTimes.Count ? s.StepTimes[i] : s.Updated,
            });
        }

        return new JsonObject
        {
            ["format"] = Session.FormatName,
            ["version"] = Session.FormatVersion,
            ["id"] = s.Id,
            ["created"] = s.Created,
            ["updated"] = s.Updated,
            ["language"] = s.Language,
            ["target"] = s.Target,
            ["offline"] = s.Offline,
            ["lab"] = s.Lab,
            ["current"] = s.State.Current,
            ["path"] = new JsonArray(s.State.Path.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()),
            ["steps"] = steps,
            ["evidence"] = JsonSerializer.SerializeToNode(s.Evidence, SessionJsonContext.Default.ListProbeEvidence),
            ["notes"] = JsonSerializer.SerializeToNode(s.Notes, SessionJsonContext.Default.ListSessionNote),
            ["history"] = JsonSerializer.SerializeToNode(s.History, SessionJsonContext.Default.ListHistoryEntry),
        };
    }

    private static Session FromJson(JsonObject o, string path)
    {
        var version = (int?)o["version"] ?? 0;
        if (version > Session.FormatVersion)
        {
            throw new SessionException($"{path} was written by a newer OobWizard (session format {version}); update the tool to continue it", "session.newer", path, version);
        }

        var s = new Session
        {
            Id = Req<string>(o, "id"),
            Created = Req<DateTimeOffset>(o, "created"),
            Updated = Req<DateTimeOffset>(o, "updated"),
            Language = Req<string>(o, "language"),
            Target = (string?)o["target"],
            Offline = (bool?)o["offline"] ?? false,
            Lab = (string?)o["lab"],
            Evidence = o["evidence"]?.Deserialize(SessionJsonContext.Default.ListProbeEvidence) ?? [],
            Notes = o["notes"]?.Deserialize(SessionJsonContext.Default.ListSessionNote) ?? [],
            History = o["history"]?.Deserialize(SessionJsonContext.Default.ListHistoryEntry) ?? [],
        };

        var steps = ImmutableList.CreateBuilder<Step>();
        var times = new List<DateTimeOffset>();
        foreach (var st in o["steps"]?.AsArray() ?? [])
        {
            var trig = Req<string>(st!.AsObject(), "trigger");
            if (!Trigger.TryParse(trig, out var trigger))
            {
                throw new FormatException($"unknown trigger '{trig}'");
            }

            var step = new Step(Req<string>(st.AsObject(), "from"), trigger, Req<string>(st.AsObject(), "to"));
            if (steps.Count > 0 && steps[^1].To != step.From)
            {
                throw new FormatException($"step {steps.Count + 1} leaves {step.From} but the step before leads to {steps[^1].To}");
            }

            steps.Add(step);
            times.Add((DateTimeOffset?)st["at"] ?? s.Updated);
        }

        var current = Req<string>(o, "current");
        var state = new WizardState(current, steps.ToImmutable());
        if (state.Steps.Count > 0 && state.Steps[^1].To != current)
        {
            throw new FormatException($"\"current\" is {current} but the last step leads to {state.Steps[^1].To}");
        }

        s.Restore(state, times);
        return s;
    }

    private static T Req<T>(JsonObject o, string key) =>
        o[key] is { } v ? v.GetValue<T>() : throw new FormatException($"missing \"{key}\"");

}
