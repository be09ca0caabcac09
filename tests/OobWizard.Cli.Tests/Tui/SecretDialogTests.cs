using System.CommandLine;
using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Engine;
using OobWizard.Probes;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace OobWizard.Cli.Tests.Tui;

/// <summary>
/// The wizard's other secrets, asked like the AMT password: the LDAP password of --ldap-user and a
/// PFX file's password, each a masked dialog in the session's language (Esc cancels), held in
/// memory only. The PFX password is asked from the probe's background thread (the file is opened on
/// first use): the dialog still runs on the UI thread.
/// </summary>
public sealed class SecretDialogTests : IDisposable
{
    private readonly WizardFactory _f = new();

    [Fact]
    public void TheLdapPassword_IsAMaskedDialogInTheSessionsLanguage_BuiltThroughTheRealProbeOptions()
    {
        var host = new CliHost { In = TextReader.Null, Out = TextWriter.Null, Err = TextWriter.Null, Env = _ => null };
        var options = new ProbeOptions();
        var root = new RootCommand();
        options.AddTo(root);
        var parse = root.Parse(["--target", "amt.test", "--ldap-user", "svc-oob@CORP.EXAMPLE.COM", "--dc", "127.0.0.1:1"]);
        var probe = new ScriptedProbe("ad.namespace", (c, _) => Task.FromResult(ProbeResult.Inconclusive("ad.namespace", "scripted")));
        var ctl = _f.Live(new ProbeRunner([probe]), lang: "de", context: () => options.Build(parse, host, () => "amt-pw"));
        ctl.Fire(Trigger.Jump("p.prov.ad-namespace"));

        using var ui = TuiHarness.Start(ctl, escapeHold: TimeSpan.FromMilliseconds(50), configure: w => host.Password.AskLdap = w.AskLdapPassword);
        Assert.Equal("LDAP-Kennwort", ui.Read(() => (ui.App.TopRunnable as Dialog)?.Title));
        Assert.Contains("svc-oob@CORP.EXAMPLE.COM", ui.ScreenText());
        ui.Type("ldap-s3cret");
        Assert.DoesNotContain("ldap-s3cret", ui.ScreenText());
        ui.Press(Key.Enter);

        Assert.True(ui.WaitUntil(() => probe.Runs == 1 && !ui.Window.Probing));
        var credential = probe.Contexts.Single().Directory.Credential!;
        Assert.Equal("svc-oob@CORP.EXAMPLE.COM", credential.User);
        Assert.Equal("ldap-s3cret", credential.Password);
        Assert.DoesNotContain("ldap-s3cret", File.ReadAllText(ctl.SessionPath));
    }

    [Fact]
    public void ThePfxPassword_AskedFromTheProbesThread_IsADialogOnTheUiThread_AndEscCancelsIt()
    {
        var asked = new List<int>();
        var probe = new ScriptedProbe("cert.crl", (c, _) =>
        {
            var pfx = c.Certificates.PfxPassword!(); // on the probe's thread, as CertificateFile.LoadAll does
            return Task.FromResult(ProbeResult.Inconclusive("cert.crl", pfx is null ? "no PFX password" : "PFX password " + pfx.Length));
        });
        OobWizard.Cli.Tui.WizardWindow? window = null;
        var ctl = _f.Live(new ProbeRunner([probe]), lang: "ja", context: () => new ProbeContext
        {
            Target = "amt.test",
            Certificates = new Probes.Certificates.CertificateSettings
            {
                AmtCertificateFile = "/tmp/amt.pfx",
                PfxPassword = () =>
                {
                    asked.Add(Environment.CurrentManagedThreadId);
                    return window!.AskPfxPassword("/tmp/amt.pfx");
                },
            },
        });
        ctl.Fire(Trigger.Jump("p.prov.upd-crl"));

        using var ui = TuiHarness.Start(ctl, escapeHold: TimeSpan.FromMilliseconds(50), configure: w => window = w);
        Assert.True(ui.WaitUntil(() => (ui.App.TopRunnable as Dialog)?.Title == "証明書のパスワード"), ui.ScreenText());
        Assert.Contains("/tmp/amt.pfx", ui.ScreenText());
        var uiThread = ui.Read(() => Environment.CurrentManagedThreadId);
        Assert.NotEqual(uiThread, Assert.Single(asked)); // asked from the background ...
        ui.Type("pfx").Press(Key.Esc);                    // ... answered on the UI thread, and cancelled

        Assert.True(ui.WaitUntil(() => probe.Runs == 1 && !ui.Window.Probing));
        Assert.Contains(ctl.Session.Evidence, e => e.Summary == "no PFX password");
        Assert.Same(ui.Window, ui.Read(() => ui.App.TopRunnable));
    }

    public void Dispose() => _f.Dispose();
}
