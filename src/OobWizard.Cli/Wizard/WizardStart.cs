namespace OobWizard.Cli.Wizard;

/// <summary>
/// How a wizard run was asked for on the command line. <see cref="JumpTo"/>: a node a new session
/// jumps to before the front end starts (log triage's best match); Back then returns to the start.
/// <see cref="ReadOnly"/>: write nothing (--read-only), for a session file that must stay as it is.
/// With <see cref="Resume"/>, a <see cref="ResumeFile"/> and a <see cref="SessionFile"/>, the resumed
/// session is saved to the new <see cref="SessionFile"/> and the old file stays as it was.
/// </summary>
public sealed record WizardStart(
    string? ContentDir,
    string? Language,
    bool Plain,
    bool Offline,
    string? SessionFile,
    bool Resume,
    string? ResumeFile,
    string? Target,
    string? JumpTo = null,
    bool ReadOnly = false);
