using OobWizard.Lab;

namespace OobWizard.Cli.Commands;

/// <summary>
/// What `lab list`, `lab serve` and the demo banner say about a lab scenario, in the run's language. A scenario's
/// summary is the message <c>lab.scenario.&lt;name&gt;</c> of <c>&lt;lang&gt;/messages.yaml</c>; the Lab's own English
/// <see cref="LabScenario.Summary"/> stays the source, and is shown as it is for a scenario that has no message yet.
/// </summary>
public static class LabText
{
    /// <summary>The message key of <paramref name="scenario"/>'s summary.</summary>
    public static string SummaryKey(LabScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return "lab.scenario." + scenario.Name;
    }

    /// <summary><paramref name="scenario"/>'s one-line summary in the run's language.</summary>
    public static string Summary(LabScenario scenario)
    {
        var key = SummaryKey(scenario);
        return Messages.Current.Has(key) ? Messages.Current.Format(key) : scenario.Summary;
    }

    /// <summary>"User: admin   Password: ..." (the password shown only when this run made it up).</summary>
    public static string Credentials(LabCredentials credentials, bool fromEnvironment)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return Messages.Current.Format("lab.credentials", credentials.User,
            fromEnvironment ? Messages.Current.Format("lab.password-from-env") : credentials.Password);
    }
}
