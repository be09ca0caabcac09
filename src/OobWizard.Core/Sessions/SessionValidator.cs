using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OobWizard.Core.Content;
using OobWizard.Core.Engine;

namespace OobWizard.Core.Sessions;

/// <summary>
/// Checks a parsed session file as a whole before anything reads it: every field the program uses
/// is there with the right type (a list is a list of the right items, a date is a date, no
/// <c>null</c> where a value belongs), the steps form one chain from <c>start</c> that ends at
/// <c>current</c>. Works on the JSON tree (<see cref="JsonNode"/>), so it does not depend on how the
/// store deserialises the file afterwards. The field names are the file format's (format version 1).
/// </summary>
public static class SessionValidator
{
    /// <summary>Null when the session is well-formed, else what is wrong with the first bad field, naming it ("evidence[2].Rows must be a list, not null").</summary>
    public static string? Problem(JsonObject root)
    {
        var v = new Walker();
        v.Int(root, "version", "", required: false, min: 1);
        v.Text(root, "id", "");
        v.Date(root, "created", "");
        v.Date(root, "updated", "");
        if (v.Text(root, "language", "") is { } lang && !Languages.IsKnown(lang))
        {
            v.Fail("language", $"is '{lang}', not one of {string.Join(", ", Languages.All)}");
        }

        v.Text(root, "target", "", nullable: true, required: false);
        v.Bool(root, "offline", "", required: false);
        var current = v.Text(root, "current", "");
        v.List(root, "path", "", (item, at) => v.TextValue(item, at));
        var steps = new List<(string From, string To)>();
        v.List(root, "steps", "", (item, at) =>
        {
            if (v.Object(item, at) is not { } step)
            {
                return;
            }

            var from = v.Text(step, "from", at);
            var to = v.Text(step, "to", at);
            if (v.Text(step, "trigger", at) is { } trigger && !Trigger.TryParse(trigger, out _))
            {
                v.Fail(at + ".trigger", $"'{trigger}' is not a trigger (choice:ID, verdict:V, jump:NODE, back, restart)");
            }

            v.Date(step, "at", at, nullable: true, required: false);
            if (from is not null && to is not null)
            {
                steps.Add((from, to));
            }
        });
        v.List(root, "evidence", "", (item, at) =>
        {
            if (v.Object(item, at) is not { } e)
            {
                return;
            }

            foreach (var key in new[] { "Node", "Probe", "Outcome", "Verdict", "Summary" })
            {
                v.Text(e, key, at, allowEmpty: true);
            }

            v.List(e, "Rows", at, (row, rowAt) =>
            {
                if (v.Object(row, rowAt) is { } r)
                {
                    v.Text(r, "Name", rowAt, allowEmpty: true);
                    v.Text(r, "Value", rowAt, allowEmpty: true);
                }
            });
            v.List(e, "Suggested", at, (s, sAt) => v.TextValue(s, sAt));
            v.Date(e, "At", at);
        });
        v.List(root, "notes", "", (item, at) =>
        {
            if (v.Object(item, at) is { } n)
            {
                v.Text(n, "Node", at);
                v.Text(n, "Text", at, allowEmpty: true);
                v.Date(n, "At", at);
            }
        });
        v.List(root, "history", "", (item, at) =>
        {
            if (v.Object(item, at) is { } h)
            {
                v.Date(h, "At", at);
                v.Text(h, "Event", at, allowEmpty: true);
            }
        });

        if (v.First is null)
        {
            for (var i = 0; i < steps.Count; i++)
            {
                var expected = i == 0 ? "start" : steps[i - 1].To;
                if (steps[i].From != expected)
                {
                    v.Fail($"steps[{i}].from", $"is '{steps[i].From}' but the path is at '{expected}' there");
                    break;
                }
            }

            var end = steps.Count > 0 ? steps[^1].To : "start";
            if (v.First is null && current is not null && current != end)
            {
                v.Fail("current", $"is '{current}' but the steps lead to '{end}'");
            }
        }

        return v.First;
    }

    private sealed class Walker
    {
        public string? First { get; private set; }

        public void Fail(string field, string problem) => First ??= $"\"{field}\" {problem}";

        public string? Text(JsonObject o, string key, string at, bool nullable = false, bool required = true, bool allowEmpty = false)
        {
            var field = Join(at, key);
            if (!Present(o, key, field, required, out var node) || (node is null && nullable))
            {
                return null;
            }

            return TextValue(node, field, allowEmpty);
        }

        public string? TextValue(JsonNode? node, string field, bool allowEmpty = true)
        {
            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                var s = value.GetValue<string>();
                if (s.Length == 0 && !allowEmpty)
                {
                    Fail(field, "is empty");
                }

                return s;
            }

            Fail(field, $"must be a string, not {Kind(node)}");
            return null;
        }

        public void Date(JsonObject o, string key, string at, bool nullable = false, bool required = true)
        {
            var field = Join(at, key);
            if (!Present(o, key, field, required, out var node) || (node is null && nullable))
            {
                return;
            }

            // The JSON reader's own ISO 8601 parser, so what passes here also loads.
            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String && !value.TryGetValue<DateTimeOffset>(out _))
            {
                Fail(field, $"is '{value.GetValue<string>()}', not a date and time like 2024-05-01T10:00:00+02:00");
            }
            else if (node is not JsonValue || node.GetValueKind() != JsonValueKind.String)
            {
                Fail(field, $"must be a date and time like 2024-05-01T10:00:00+02:00, not {Kind(node)}");
            }
        }

        public void Bool(JsonObject o, string key, string at, bool required = true)
        {
            var field = Join(at, key);
            if (Present(o, key, field, required, out var node) && node is not null
                && node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                Fail(field, $"must be true or false, not {Kind(node)}");
            }
        }

        public void Int(JsonObject o, string key, string at, bool required, int min)
        {
            var field = Join(at, key);
            if (!Present(o, key, field, required, out var node))
            {
                return;
            }

            if (node is not JsonValue value || !value.TryGetValue<int>(out var n) || n < min)
            {
                Fail(field, $"must be a whole number from {min}, not {Kind(node)}");
            }
        }

        public void List(JsonObject o, string key, string at, Action<JsonNode?, string> item)
        {
            var field = Join(at, key);
            if (!Present(o, key, field, required: true, out var node))
            {
                return;
            }

            if (node is not JsonArray array)
            {
                Fail(field, $"must be a list, not {Kind(node)}");
                return;
            }

            for (var i = 0; i < array.Count && First is null; i++)
            {
                item(array[i], string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]"));
            }
        }

        public JsonObject? Object(JsonNode? node, string field)
        {
            if (node is JsonObject o)
            {
                return o;
            }

            Fail(field, $"must be an object, not {Kind(node)}");
            return null;
        }

        private bool Present(JsonObject o, string key, string field, bool required, out JsonNode? node)
        {
            if (o.TryGetPropertyValue(key, out node))
            {
                return true;
            }

            if (required)
            {
                Fail(field, "is missing");
            }

            return false;
        }

        private static string Join(string at, string key) => at.Length == 0 ? key : at + "." + key;

        private static string Kind(JsonNode? node) => node?.GetValueKind() switch
        {
            null or JsonValueKind.Null => "null",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "true/false",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            _ => "something else",
        };
    }
}
