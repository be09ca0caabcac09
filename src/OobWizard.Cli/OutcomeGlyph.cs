namespace OobWizard.Cli;

/// <summary>
/// The one set of glyphs for a probe outcome, used by the wizard (both front ends) and by <c>check</c>, so a pass, a
/// finding, an inconclusive check and an error look the same everywhere.
/// </summary>
public static class OutcomeGlyph
{
    /// <param name="outcome">pass, finding, inconclusive or error (ProbeOutcome in lower case).</param>
    /// <param name="unicode">False for ASCII terminals and plain mode.</param>
    public static string For(string outcome, bool unicode) => (outcome, unicode) switch
    {
        ("pass", true) => "✓",
        ("finding", true) => "✗",
        ("inconclusive", true) => "?",
        ("error", true) => "!",
        ("pass", false) => "[ok]",
        ("finding", false) => "[x]",
        ("inconclusive", false) => "[?]",
        _ => "[!]",
    };
}
