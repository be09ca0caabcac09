using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OobWizard.Core.Files;
using OobWizard.Probes;
using OobWizard.Probes.Amt;
using OobWizard.Probes.Certificates;

namespace OobWizard.Cli.Commands;

/// <summary>
/// `oobwizard cert FILE...`: the cert.* probes on certificate files alone, no AMT device needed. A CA certificate
/// (self-signed or CA:TRUE) gets cert.root-key and cert.thumbprint; an end-entity one gets cert.provisioning (its
/// chain checked against the CA among the files, or --root-ca) and, when it names CRL distribution points, cert.crl.
/// PFX passwords come from OOBW_PFX_PASSWORD or a masked prompt and stay in memory.
/// Exit 0 when nothing was found wrong, 1 on a finding or an error, 2 on bad input.
/// </summary>
public static class CertCommand
{
    public static Command Create(CliHost host, CommonOptions common)
    {
        _ = common;
        var files = new Argument<FileInfo[]>("FILE") { Description = "Certificate files: PEM, DER (.cer/.crt) or PFX (.pfx/.p12)", Arity = ArgumentArity.OneOrMore };
        files.RegularFiles(ReadLimit.Certificate);
        var rootCa = new Option<FileInfo>("--root-ca") { Description = "Root CA to check the chains against (default: a CA certificate among FILE)" };
        rootCa.RegularFile(ReadLimit.Certificate);
        var json = new Option<bool>("--json") { Description = "Print the results as JSON" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Show the evidence of passing probes too" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one probe may take (CRL downloads)", DefaultValueFactory = _ => 10 };
        var command = new Command("cert", "Check certificate files (root CA, AMT provisioning certificate, AMT TLS certificate) without a device") { files, rootCa, json, verbose, timeout };
        command.SetAction(async (parse, ct) =>
        {
            var paths = parse.GetValue(files)!.Select(f => f.FullName).ToList();
            var pfxPasswords = new Dictionary<string, Lazy<string?>>(StringComparer.Ordinal);
            var typed = new HashSet<string>(StringComparer.Ordinal); // files whose password came from the prompt
            Lazy<string?> Ask(string path, string prompt) => new(() =>
            {
                if (host.Env("OOBW_PFX_PASSWORD") is { Length: > 0 } env) return env;
                typed.Add(path);
                return host.ReadSecret?.Invoke(Messages.Current.Format(prompt, Path.GetFileName(path)));
            });
            Func<string?> Password(string path)
            {
                if (!pfxPasswords.ContainsKey(path)) pfxPasswords[path] = Ask(path, "cert.pfx-prompt");
                return () => pfxPasswords[path].Value; // the current one: after a refusal, the one typed again
            }

            // A password typed at the prompt and refused is asked once more (the refused one is dropped, never tried again).
            IReadOnlyList<X509Certificate2> Load(string path)
            {
                try
                {
                    return CertificateFile.LoadAll(path, Password(path));
                }
                catch (PfxPasswordException ex) when (ex.PasswordGiven && typed.Contains(path))
                {
                    pfxPasswords[path] = Ask(path, "cert.pfx-prompt-again");
                    return CertificateFile.LoadAll(path, Password(path));
                }
            }

            var roles = new List<(string Path, bool IsCa, bool HasCdp)>();
            foreach (var path in paths)
            {
                try
                {
                    var certs = Load(path);
                    var first = certs[0];
                    var isCa = first.SubjectName.RawData.AsSpan().SequenceEqual(first.IssuerName.RawData)
                        || first.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority);
                    roles.Add((path, isCa, first.Extensions["2.5.29.31"] is not null));
                    foreach (var c in certs) c.Dispose();
                }
                catch (InputFileException ex)
                {
                    return host.Fail(Localization.ErrorText.Of(ex));
                }
                catch (PfxPasswordException ex)
                {
                    return host.Fail(Messages.Current.Format(!ex.PasswordGiven ? "file.pfx-needs-password" : typed.Contains(path) ? "file.pfx-wrong-password" : "file.pfx-wrong-password-env", path));
                }
                catch (CryptographicException ex)
                {
                    // Not a certificate: .NET's own words ("ASN1 corrupted data.") are English, shown in an English run only.
                    return host.Fail(Messages.Current.Language == "en"
                        ? Messages.Current.Format("file.not-certificate", path, ex.Message.Trim())
                        : Messages.Current.Format("file.not-certificate-plain", path));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    return host.Fail(Messages.Current.Format("file.not-certificate", path, ex.Message.Trim()));
                }
            }

            var root = parse.GetValue(rootCa)?.FullName ?? roles.FirstOrDefault(r => r.IsCa).Path;
            var bound = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(timeout), 0.1, 300));
            var asJson = parse.GetValue(json);
            var entries = new List<AmtCheckEntry>();
            void Show(AmtCheckEntry e)
            {
                entries.Add(e);
                if (!asJson) CheckCommand.WriteEntry(host.Out, e, parse.GetValue(verbose));
            }

            foreach (var (path, isCa, hasCdp) in roles)
            {
                if (!asJson) host.Out.WriteLine(Messages.Current.Format(isCa ? "cert.kind.ca" : "cert.kind.end-entity", Path.GetFileName(path)));
                var context = isCa
                    ? new ProbeContext { RootCaFile = path, Timeout = bound, Certificates = new CertificateSettings { PfxPassword = Password(path) } }
                    : new ProbeContext
                    {
                        RootCaFile = root,
                        Timeout = bound,
                        Certificates = new CertificateSettings
                        {
                            ProvisioningCertificateFile = path,
                            AmtCertificateFile = hasCdp ? path : null,
                            PfxPassword = Password(path),
                        },
                    };
                string[] ids = isCa ? ["cert.root-key", "cert.thumbprint"] : hasCdp ? ["cert.provisioning", "cert.crl"] : ["cert.provisioning"];
                var runner = new ProbeRunner(CertificateProbes.All());
                foreach (var id in ids)
                {
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    var result = await runner.RunAsync(id, context, ct).ConfigureAwait(false);
                    Show(new AmtCheckEntry(result, watch.Elapsed));
                }
            }

            var report = new AmtCheckReport("files", "", entries, TimeSpan.FromTicks(entries.Sum(e => e.Elapsed.Ticks)));
            if (asJson)
            {
                host.Out.WriteLine(report.ToJson());
            }
            else
            {
                host.Out.WriteLine();
                var m = Messages.Current;
                host.Out.WriteLine(m.Format("cert.summary", report.Count(ProbeOutcome.Pass), m.Count("check.findings", report.Count(ProbeOutcome.Finding)),
                    report.Count(ProbeOutcome.Inconclusive), m.Count("check.errors", report.Count(ProbeOutcome.Error))));
            }

            // Inconclusive is not a failure here: the thumbprints are printed for comparing by hand.
            return entries.Any(e => e.Result.Outcome is ProbeOutcome.Finding or ProbeOutcome.Error) ? 1 : 0;
        });
        return command;
    }
}
