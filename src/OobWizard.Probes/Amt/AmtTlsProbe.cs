using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// amt.tls: the run's one TLS evaluation (<see cref="TlsEvaluation"/>) of the certificate on 16993, the same one that
/// decides whether credentials may cross it, so amt.tls and the other probes never disagree. It names each problem:
/// "date zero" or not yet valid (bad-date), expired, a name other than the one in use (name-mismatch), a root this
/// machine and --ca-file do not trust (untrusted: a finding when the run talks TLS or --ca-file was given; otherwise
/// said in the evidence, trust not being needed over HTTP). No credentials travel over the handshake.
/// </summary>
public sealed class AmtTlsProbe : AmtProbe
{
    public AmtTlsProbe(AmtProbeOptions options) : base(options)
    {
    }

    public override string Id => "amt.tls";

    public override string Description => "Is AMT's TLS certificate in date, correctly dated, trusted, and issued to the name in use?";

    public override IReadOnlyList<string> Verdicts { get; } = ["pass", "bad-date", "name-mismatch", "expired", "untrusted"];

    protected override bool NeedsPassword => false;

    protected override async Task<ProbeResult> RunAsync(AmtProbeScope scope, CancellationToken cancellationToken)
    {
        var context = scope.Context;
        var tls = await scope.Device.TlsAsync(context, Options, cancellationToken).ConfigureAwait(false);
        if (tls.PortClosed)
        {
            return ProbeResult.Inconclusive(Id, $"{tls.Failure}: AMT does not use TLS here", [Evidence.Ours("TLS port", "closed (refused)")]).Keyed("probe.amt.tls.port-closed", context.TlsPort);
        }

        if (tls.Failure is { } failure || tls.Certificate is null)
        {
            return ProbeResult.Error(Id, tls.Failure ?? "no certificate", [new("TLS port", context.TlsPort.ToString(System.Globalization.CultureInfo.InvariantCulture))])
                .Keyed(tls.Failure is not { } f || f.StartsWith("the TLS handshake completed", StringComparison.Ordinal) ? ProbeLine.Of("probe.amt.tls.no-certificate", "") : ProbeLine.Of("probe.amt.tls.failed", f, f));
        }

        // The name the certificate must carry: known without credentials, else the OS FQDN AMT reports.
        if (tls.NameInUse is null && await FqdnFromAmtAsync(scope, tls, cancellationToken).ConfigureAwait(false) is { } reported)
        {
            tls = tls.WithNameInUse(reported);
        }

        var cert = tls.Certificate!;
        var evidence = new List<Evidence>(tls.ToEvidence())
        {
            new("FQDN in use", tls.NameInUse ?? "(unknown: give --target as a name, or a password to read HostOSFQDN)"),
        };
        var trustNeeded = scope.Contact.UseTls || context.CaFile is not null;
        if (tls.ZeroDate)
        {
            return ProbeResult.Finding(Id, "bad-date", $"the certificate is \"date zero\" (valid from {cert.NotBefore:yyyy-MM-dd}, made with AMT's clock unset){Also(tls)}", evidence,
                [AmtDiagnoses.CertZeroDate, AmtDiagnoses.AmtSelfSignedCert, .. Others(tls, trustNeeded)]).Keyed(Line("probe.amt.tls.zero-date", tls, Day(cert.NotBefore)));
        }

        if (tls.NotYetValid)
        {
            return ProbeResult.Finding(Id, "bad-date", $"the certificate is not valid before {cert.NotBefore:yyyy-MM-dd}: AMT's clock or the issuer's is wrong{Also(tls)}", evidence,
                [AmtDiagnoses.CertZeroDate, .. Others(tls, trustNeeded)]).Keyed(Line("probe.amt.tls.not-yet-valid", tls, Day(cert.NotBefore)));
        }

        if (tls.Expired)
        {
            return ProbeResult.Finding(Id, "expired", $"the certificate expired on {cert.NotAfter:yyyy-MM-dd}{Also(tls)}", evidence, [AmtDiagnoses.CertExpired, .. Others(tls, trustNeeded)]).Keyed(Line("probe.amt.tls.expired", tls, Day(cert.NotAfter)));
        }

        if (tls.NameMismatch)
        {
            return ProbeResult.Finding(Id, "name-mismatch", $"the certificate names {string.Join(", ", cert.DnsNames)}, not {tls.NameInUse}{Also(tls)}", evidence,
                [AmtDiagnoses.RenamedOrMoved, .. Others(tls, trustNeeded)]).Keyed(Line("probe.amt.tls.name-mismatch", tls, string.Join(", ", cert.DnsNames), tls.NameInUse));
        }

        if (!tls.Trusted && trustNeeded)
        {
            return ProbeResult.Finding(Id, "untrusted", $"the certificate is not trusted: {tls.TrustText}; the console fails the TLS handshake (give --ca-file with the issuing CA)", evidence, AmtDiagnoses.CertUntrusted).Keyed("probe.amt.tls.untrusted", cert.Issuer);
        }

        var trust = tls.Trusted ? tls.TrustText : $"trust not checked ({tls.TrustText}; give --ca-file with the CA the site server trusts)";
        var byCaFile = tls.Trusted && context.CaFile is not null && tls.TrustText.StartsWith("chains to --ca-file", StringComparison.Ordinal);
        var key = "probe.amt.tls.pass" + (tls.NameInUse is null ? "" : "-name") + (!tls.Trusted ? ".unchecked" : byCaFile ? ".ca-file" : ".system");
        object?[] args = [Day(cert.NotAfter), .. tls.NameInUse is null ? Array.Empty<object?>() : [tls.NameInUse], .. byCaFile ? [Path.GetFileName(context.CaFile)] : Array.Empty<object?>()];
        return ProbeResult.Pass(Id, $"certificate in date until {cert.NotAfter:yyyy-MM-dd}{(tls.NameInUse is null ? "" : $" for {tls.NameInUse}")}; {trust}", evidence)
            .Keyed(key, args);
    }

    /// <summary>The verdict's line, or its <c>.also</c> form when more problems follow (their count is the last argument).</summary>
    private static ProbeLine Line(string key, TlsEvaluation tls, params object?[] args) =>
        tls.Problems.Count > 1 ? ProbeLine.Of(key + ".also", key, [.. args, tls.Problems.Count - 1]) : ProbeLine.Of(key, key, args);

    private static string Day(DateTimeOffset when) => when.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>", and also: …" for the problems after the one the verdict names.</summary>
    private static string Also(TlsEvaluation tls) =>
        tls.Problems.Count > 1 ? $"; also: {string.Join("; ", tls.Problems.Skip(1))}" : "";

    /// <summary>The diagnoses the other problems point to (an untrusted root only where trust is needed).</summary>
    private static IEnumerable<string> Others(TlsEvaluation tls, bool trustNeeded)
    {
        if (tls.NameMismatch) yield return AmtDiagnoses.RenamedOrMoved;
        if (!tls.Trusted && trustNeeded) yield return AmtDiagnoses.CertUntrusted;
    }

    /// <summary>The OS FQDN AMT reports (needs a usable password; best effort).</summary>
    private static async Task<string?> FqdnFromAmtAsync(AmtProbeScope scope, TlsEvaluation tls, CancellationToken cancellationToken)
    {
        var context = scope.Context;
        if (string.IsNullOrEmpty(context.Password) || context.Run.Credentials.IsRefused(context.User, context.Password)) return null;
        if (scope.Contact.UseTls && !tls.Acceptable(context)) return null; // no credentials over a certificate that did not pass
        using var client = scope.Client(tls);
        try
        {
            var settings = await client.GetAsync("AMT_GeneralSettings", cancellationToken: cancellationToken).ConfigureAwait(false);
            return settings["HostOSFQDN"]?.Trim() is { Length: > 0 } os ? os : AmtGeneralProbe.AmtFqdn(settings);
        }
        catch (WsmanException)
        {
            return null;
        }
    }
}
