namespace OobWizard.Cli.Wizard;

/// <summary>
/// How a wizard run was asked for on the command line. <see cref="JumpTo"/>: a node a new session
/// jumps to before the front end starts (log triage's best match); Back then returns to the start.
/// <see cref="Lab"/>: the lab scenario of a demo run (saved in the session so it resumes into a fresh lab).
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
    string? Lab = null);
