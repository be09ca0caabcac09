namespace OobWizard.Cli.Wizard;

/// <summary>How a wizard run was asked for on the command line.</summary>
public sealed record WizardStart(
    string? ContentDir,
    string? Language,
    bool Plain,
    bool Offline,
    string? SessionFile,
    bool Resume,
    string? ResumeFile,
    string? Target);
