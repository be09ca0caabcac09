namespace OobWizard.Core.Content;

/// <summary>
/// The UI strings the program formats with arguments, and how many it passes ({0} to {n-1}): the
/// contract between <c>&lt;lang&gt;/ui.yaml</c> and the code. A string may use fewer placeholders,
/// never one the program does not pass. Add a key here when code calls
/// <see cref="ContentSet.UiFormat"/> (or the front ends' <c>Ui(key, args)</c>) with it.
/// </summary>
public static class UiArguments
{
    public static readonly IReadOnlyDictionary<string, int> Count = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["probe.running"] = 1,
        ["end.session"] = 1,
        ["end.report"] = 1,
        ["session.saved"] = 1,
        ["refused"] = 1,
        ["plain.unknown"] = 1,
        ["scroll.more"] = 3,
        ["checklist.probe"] = 1,
        ["checklist.goto"] = 1,
        ["checklist.only-if"] = 1,
        ["save.failed"] = 2,
        ["save.failed.keys"] = 1,
        ["save.readonly"] = 1,
        ["save.done"] = 1,
        ["save.refused"] = 2,
        ["save.rescued"] = 1,
        ["password.refused"] = 1,
    };
}
