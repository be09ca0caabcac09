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
        ["session.saved"] = 2,
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
        ["save.no-folder"] = 1,
        ["save.under-file"] = 1,
        ["save.rescued"] = 1,
        ["password.refused"] = 1,

        // Both front ends since the full-screen wizard moved to Terminal.Gui (issue 12).
        ["password.prompt"] = 2,
        ["password.ldap.prompt"] = 1,
        ["password.pfx.prompt"] = 1,
        ["session.readonly"] = 1,
        ["session.taken-over"] = 1,
        ["plain.lock"] = 1,
        ["probe.decided"] = 1,
        ["fixcheck.running"] = 1,
        ["fixcheck.still"] = 2,
        ["fixcheck.confirmed"] = 2,
        ["fixcheck.unconfirmed"] = 2,
        ["tui.scroll"] = 3,
        ["tui.probe.progress"] = 3,
        ["tui.fixcheck.progress"] = 3,
        ["tui.filter"] = 1,
        ["tui.filter.none"] = 1,
        ["tui.number.more"] = 1,
        ["tui.number.enter"] = 1,
        ["tui.number.none"] = 1,
        ["tui.target.bad"] = 1,
        ["tui.target.switched"] = 1,
        ["tui.save.failed"] = 1,
        ["dlg.quit.text"] = 1,
        ["dlg.password.text"] = 2,
        ["dlg.ldap.text"] = 1,
        ["dlg.pfx.text"] = 1,
        ["dlg.target.text"] = 1,
        ["dlg.lock.text"] = 1,
        ["dlg.copy.copied"] = 1,
        ["dlg.copy.exists"] = 1,
        ["dlg.copy.kept"] = 1,
        ["dlg.copy.written"] = 1,
        ["dlg.copy.failed"] = 2,
        ["dlg.copy.session"] = 1,
    };
}
