using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// The one judgement of a device's TLS certificate in a run, shared by amt.tls and every probe that would send
/// credentials over TLS, so they can never disagree. It names each problem: untrusted root, name mismatch, expired,
/// not yet valid, "date zero".
/// </summary>
public sealed record TlsEvaluation
{
    /// <summary>Non-null when no handshake could be made: why.</summary>
    public string? Failure { get; init; }

    /// <summary>True when the TLS port refused the connection (AMT without TLS).</summary>
    public bool PortClosed { get; init; }

    public CertificateFacts? Certificate { get; init; }

    public string? Protocol { get; init; }

    /// <summary>The chain builds to a root this machine trusts, or to <c>--ca-file</c>.</summary>
    public bool Trusted { get; init; }

    /// <summary>How trust was decided ("this machine's trust store", "--ca-file", or why not).</summary>
    public string TrustText { get; init; } = "";

    /// <summary>The name the certificate must carry (the target's name, the console's FQDN); null when unknown.</summary>
    public string? NameInUse { get; init; }

    public bool ZeroDate { get; init; }

    public bool NotYetValid { get; init; }

    public bool Expired { get; init; }

    public bool NameMismatch { get; init; }

    /// <summary>Every problem in words, most decisive first.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            var problems = new List<string>();
            if (Certificate is not { } cert) return problems;
            if (ZeroDate) problems.Add($"\"date zero\": valid from {cert.NotBefore:yyyy-MM-dd}, made while AMT's clock was unset");
            if (NotYetValid) problems.Add($"not yet valid: valid from {cert.NotBefore:yyyy-MM-dd}, AMT's clock or the issuer's is wrong");
            if (Expired) problems.Add($"expired on {cert.NotAfter:yyyy-MM-dd}");
            if (NameMismatch) problems.Add($"name mismatch: it names {string.Join(", ", cert.DnsNames)}, not {NameInUse}");
            if (!Trusted) problems.Add(TrustText);
            return problems;
        }
    }

    /// <summary>The same evaluation judged against a name learnt later (the OS FQDN AMT reports).</summary>
    public TlsEvaluation WithNameInUse(string name) =>
        this with { NameInUse = name, NameMismatch = Certificate is { } c && !c.Matches(name) };

    /// <summary>Whether credentials may go over this TLS connection (valid, or the user said --insecure).</summary>
    public bool Acceptable(ProbeContext context) => context.Insecure || (Trusted && !NameMismatch && !Expired && !NotYetValid && !ZeroDate);

    public static TlsEvaluation From(TlsCapture capture, string? caFile, string? nameInUse, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(capture);
        if (capture.Certificate is not { } cert)
        {
            return new TlsEvaluation { Failure = "the TLS handshake completed without a certificate", Protocol = capture.Protocol.ToString() };
        }

        var chainOk = (capture.Errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0 && (capture.Errors & SslPolicyErrors.RemoteCertificateNotAvailable) == 0;
        var trustText = chainOk ? "chains to a root this machine trusts" : "";
        string? caUnread = null;
        if (!chainOk && caFile is not null && capture.RawCertificate is { } raw && ChainsTo(raw, caFile, out caUnread))
        {
            chainOk = true;
            trustText = $"chains to --ca-file {Path.GetFileName(caFile)}";
        }

        if (!chainOk)
        {
            trustText = cert.SelfSigned
                ? $"untrusted root: self-signed by {cert.Issuer}"
                : $"untrusted root: issuer {cert.Issuer} is not trusted here{(caFile is null ? " (no --ca-file given)" : $" nor by --ca-file {Path.GetFileName(caFile)}")}";
            if (caUnread is not null) trustText += $" (--ca-file not used: {caUnread})";
        }

        var zero = cert.HasZeroDate;
        var notYet = !zero && cert.IsNotYetValid(now);
        var expired = cert.IsExpired(now);
        var mismatch = nameInUse is not null && !cert.Matches(nameInUse);
        return new TlsEvaluation
        {
            Certificate = cert,
            Protocol = string.Create(CultureInfo.InvariantCulture, $"{capture.Protocol} ({capture.CipherSuite})"),
            Trusted = chainOk,
            TrustText = trustText,
            NameInUse = nameInUse,
            ZeroDate = zero,
            NotYetValid = notYet,
            Expired = expired,
            NameMismatch = mismatch,
        };
    }

    /// <summary>Evidence rows: the certificate, then each problem (or that it is valid).</summary>
    public IReadOnlyList<Evidence> ToEvidence()
    {
        var rows = new List<Evidence>();
        if (Certificate is { } cert) rows.AddRange(cert.ToEvidence());
        if (Protocol is not null) rows.Add(new("TLS protocol", Protocol));
        rows.Add(Evidence.Ours("TLS trust", TrustText.Length > 0 ? TrustText : "(not evaluated)"));
        rows.Add(Evidence.Ours("TLS problems", Problems.Count == 0 ? "none" : string.Join("; ", Problems)));
        return rows;
    }

    /// <summary>True when <paramref name="raw"/> chains to a CA in <paramref name="caFile"/>; <paramref name="unread"/> says why the file could not be used.</summary>
    private static bool ChainsTo(byte[] raw, string caFile, out string? unread)
    {
        unread = null;
        X509Certificate2Collection cas;
        try
        {
            // Through CertificateFile, so a FIFO, a device or an oversized file is refused (InputFile) and never blocks a probe.
            cas = Certificates.CertificateFile.LoadAll(caFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            unread = ex.Message.ReplaceLineEndings(" ").Trim();
            return false;
        }

        try
        {
            using var cert = X509CertificateLoader.LoadCertificate(raw);
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.CustomTrustStore.AddRange(cas);
            return chain.Build(cert);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
        finally
        {
            foreach (var ca in cas) ca.Dispose();
        }
    }
}
