using OobWizard.Cli.Tests.Support;
using OobWizard.Cli.Wizard;
using OobWizard.Core.Content;
using OobWizard.Core.Sessions;
using OobWizard.Probes;

namespace OobWizard.Cli.Tests.Tui;

/// <summary>Controllers over the shipped content in a temporary folder, for the full-screen tests.</summary>
public sealed class WizardFactory : IDisposable
{
    private static readonly Lazy<ContentSet> Shipped = new(() => ContentLoader.Load(Repo.Content));

    public string Dir { get; } = Directory.CreateTempSubdirectory("oobw-tui-").FullName;

    public static ContentSet Content => Shipped.Value;

    public WizardController Offline(string lang = "en", string file = "s.json") =>
        new(Content, Session.New(new FixedClock(), lang, target: null, offline: true), Path.Combine(Dir, file), new ProbeRunner([]), () => new ProbeContext(), new FixedClock());

    public WizardController Live(ProbeRunner probes, string lang = "en", string target = "amt.test", Func<ProbeContext>? context = null, string file = "s.json") =>
        new(Content, Session.New(new FixedClock(), lang, target, offline: false), Path.Combine(Dir, file), probes, context ?? (() => new ProbeContext { Target = target, Timeout = TimeSpan.FromSeconds(60) }), new FixedClock());

    /// <summary>A second window on a saved session (same file).</summary>
    public static WizardController Resume(string path) =>
        new(Content, SessionStore.Load(path), path, new ProbeRunner([]), () => new ProbeContext(), new FixedClock());

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
