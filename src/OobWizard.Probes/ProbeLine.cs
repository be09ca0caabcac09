using System.Globalization;
using OobWizard.Core.Content;

namespace OobWizard.Probes;

/// <summary>
/// One line our code says about a probe (a reason, a stop, a problem), in English (<see cref="Text"/>) and as a message
/// key of <c>&lt;lang&gt;/messages.yaml</c> with its {0}-style arguments, so a front end can say it in the user's language.
/// Passed as an argument of <see cref="ProbeResult.Keyed"/>, it becomes a nested message (<see cref="Encode"/>).
/// </summary>
public sealed record ProbeLine(string Text, string Key, IReadOnlyList<string> Args)
{
    /// <summary>A line with its English text, key and arguments (numbers as invariant text; a nested <see cref="ProbeLine"/> encoded).</summary>
    public static ProbeLine Of(string key, string text, params object?[] args) => new(text, key, [.. args.Select(Arg)]);

    /// <summary>This line as one argument of another message (<see cref="KeyedText.Encode"/>).</summary>
    public string Encode() => KeyedText.Encode(Key, Args);

    /// <summary>An argument as invariant text; a <see cref="ProbeLine"/> as its encoding.</summary>
    public static string Arg(object? value) => value switch
    {
        ProbeLine line => line.Encode(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
