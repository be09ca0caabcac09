using OobWizard.Probes;

namespace OobWizard.Cli;

/// <summary>Every live probe this build has. Add a probe area here when it lands.</summary>
public static class ProbeCatalog
{
    public static IReadOnlyList<IProbe> All() => [];

    public static ProbeRunner Runner() => new(All());

    /// <summary>probe id -> verdicts, for lint.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Verdicts() =>
        All().ToDictionary(p => p.Id, p => p.Verdicts, StringComparer.Ordinal);
}
