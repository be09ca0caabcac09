using System.CommandLine;
using OobWizard.Core.Files;
using OobWizard.Probes;
using OobWizard.Probes.ActiveDirectory;
using OobWizard.Probes.Certificates;

namespace OobWizard.Cli;

/// <summary>The options that feed probes, shared by the wizard and `check`.</summary>
public sealed class ProbeOptions
{
    public Option<string?> Target { get; } = new("--target") { Description = "The AMT computer's FQDN or address" };
    public Option<string> User { get; } = new("--user") { Description = "AMT user name (the password comes from OOBW_AMT_PASSWORD or a prompt)", DefaultValueFactory = _ => "admin" };
    public Option<FileInfo> RootCa { get; } = new("--root-ca") { Description = "Root CA certificate whose thumbprint AMT should hold" };
    public Option<FileInfo> CaFile { get; } = new("--ca-file") { Description = "CA certificate to trust for the device's TLS certificate" };
    public Option<bool> Insecure { get; } = new("--insecure") { Description = "Send credentials over TLS even if the certificate does not validate" };
    public Option<bool> Tls { get; } = new("--tls") { Description = "Use TLS (16993) for authenticated WS-Management calls" };
    public Option<string[]> Dns { get; } = new("--dns") { Description = "DNS server to ask, SERVER[:PORT] (repeatable)", AllowMultipleArgumentsPerToken = false };
    public Option<string?> ServicePoint { get; } = new("--service-point") { Description = "FQDN of the out of band service point" };
    public Option<string?> Domain { get; } = new("--domain") { Description = "The AD domain's DNS name" };
    public Option<double> Timeout { get; } = new("--timeout") { Description = "Seconds one probe may take (0.1 to 300)", DefaultValueFactory = _ => 10 };

    private const double MinTimeoutSeconds = 0.1;
    private const double MaxTimeoutSeconds = 300;

    // --- WS-Man timing (issue 8 item 7): per request, and the first contact after sleep. ---
    public Option<double> RequestTimeout { get; } = new("--request-timeout") { Description = "Seconds one WS-Man request may take once the device answered", DefaultValueFactory = _ => 5 };
    public Option<double> FirstContactTimeout { get; } = new("--first-contact-timeout") { Description = "Seconds the first contact with the device may take; AMT can need tens of seconds after sleep", DefaultValueFactory = _ => 20 };

    // --- Active Directory and certificate probes (issue 13)
    public Option<string?> Dc { get; } = new("--dc") { Description = "Domain controller to ask, HOST[:PORT] (default: the _ldap._tcp SRV records of the domain)" };
    public Option<string?> LdapUser { get; } = new("--ldap-user") { Description = "Account for LDAP simple binds, user@REALM or DOMAIN\\user (password from OOBW_LDAP_PASSWORD or a prompt)" };
    public Option<bool> Ldaps { get; } = new("--ldaps") { Description = "LDAP over TLS (636)" };
    public Option<bool> StartTls { get; } = new("--starttls") { Description = "Upgrade LDAP on 389 with StartTLS before binding" };
    public Option<FileInfo> LdapCa { get; } = new("--ldap-ca") { Description = "CA certificate (PEM) to trust for the domain controller's certificate" };
    public Option<string?> AmtOu { get; } = new("--amt-ou") { Description = "The OU/container DN for AMT accounts (out-of-band component properties)" };
    public Option<string?> SiteServer { get; } = new("--site-server") { Description = "The ConfigMgr site server that requests AMT certificates (name or FQDN)" };
    public Option<string?> CaDomain { get; } = new("--ca-domain") { Description = "DNS name of the issuing CA's domain (default: the AMT computer's)" };
    public Option<FileInfo> ProvCert { get; } = new("--prov-cert") { Description = "The AMT provisioning certificate (PEM, DER or PFX; PFX password from OOBW_PFX_PASSWORD or a prompt)" };
    public Option<FileInfo> AmtCert { get; } = new("--amt-cert") { Description = "The AMT device's TLS certificate as a file (default: captured from the device)" };

    private LdapCredential? _ldapCredential;
    private Lazy<string?>? _pfxPassword;
    // ---

    public ProbeOptions()
    {
        // host, host:port or http(s)://host:port/wsman; anything else is a usage error (exit 2) naming what was wrong.
        Target.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !TargetSpec.TryParse(result.Tokens[0].Value, out _, out var error)) result.AddError(error);
        });
        RequestTimeout.InRange(0.1, 600, "unit.seconds");
        FirstContactTimeout.InRange(0.1, 600, "unit.seconds");
        RootCa.RegularFile(ReadLimit.Certificate);
        CaFile.RegularFile(ReadLimit.Certificate);
        Timeout.InRange(MinTimeoutSeconds, MaxTimeoutSeconds, "unit.seconds");
        AddDirectoryValidators();

        // A mistyped server is a usage error (exit 2), not a silently ignored one.
        Dns.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!OobWizard.Probes.Dns.DnsServerEndpoint.TryParse(token.Value, out _))
                {
                    result.AddError(Messages.Current.Format("error.dns-server", token.Value));
                }
            }
        });
    }

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Target, User, RootCa, CaFile, Insecure, Tls, Dns, ServicePoint, Domain, Timeout, RequestTimeout, FirstContactTimeout })
        {
            command.Options.Add(o);
        }

        foreach (var o in new Option[] { Dc, LdapUser, Ldaps, StartTls, LdapCa, AmtOu, SiteServer, CaDomain, ProvCert, AmtCert })
        {
            command.Options.Add(o);
        }
    }

    /// <summary>
    /// Builds the probe context. The password is read from the environment or asked for, and kept only in memory.
    /// <paramref name="run"/> is shared by every context of one run (refused passwords are never sent again).
    /// A port in <c>--target</c> (host:port or a URL) goes to the option it belongs to.
    /// </summary>
    public ProbeContext Build(ParseResult parse, CliHost host, Func<string?>? password = null, int? httpPort = null, int? tlsPort = null, ProbeRun? run = null)
    {
        var raw = parse.GetValue(Target);
        TargetSpec? spec = null;
        if (raw is not null) TargetSpec.TryParse(raw, out spec, out _);
        return new ProbeContext
        {
            Target = spec?.Host ?? raw,
            User = parse.GetValue(User) ?? "admin",
            Password = password?.Invoke() ?? host.Env("OOBW_AMT_PASSWORD"),
            RootCaFile = parse.GetValue(RootCa)?.FullName,
            CaFile = parse.GetValue(CaFile)?.FullName,
            Insecure = parse.GetValue(Insecure),
            UseTls = parse.GetValue(Tls) || (spec?.Tls ?? false),
            DnsServers = parse.GetValue(Dns) ?? [],
            ServicePoint = parse.GetValue(ServicePoint),
            Domain = parse.GetValue(Domain),
            Timeout = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(Timeout), MinTimeoutSeconds, MaxTimeoutSeconds)),
            RequestTimeout = TimeSpan.FromSeconds(parse.GetValue(RequestTimeout)),
            FirstContactTimeout = TimeSpan.FromSeconds(parse.GetValue(FirstContactTimeout)),
            HttpPort = httpPort ?? spec?.HttpPort ?? 16992,
            TlsPort = tlsPort ?? spec?.TlsPort ?? 16993,
            Run = run ?? new ProbeRun(),
            Directory = BuildDirectory(parse, host),
            Certificates = BuildCertificates(parse, host),
        };
    }

    /// <summary>The port <c>--target</c> carries that another option also sets, as one line; null when they agree.</summary>
    public string? PortConflict(ParseResult parse, int? httpPort, int? tlsPort)
    {
        if (parse.GetValue(Target) is not { } raw || !TargetSpec.TryParse(raw, out var spec, out _)) return null;
        if (spec!.HttpPort is { } h && httpPort is { } hp && h != hp) return Messages.Current.Format("error.port-conflict", raw, h, "--http-port", hp);
        if (spec.TlsPort is { } t && tlsPort is { } tp && t != tp) return Messages.Current.Format("error.port-conflict", raw, t, "--tls-port", tp);
        return null;
    }

    // --- Active Directory and certificate probes (issue 13)

    /// <summary>
    /// The directory settings. The LDAP account is made once per run, so its password is asked for once (here, outside
    /// any live display) and, once a DC refused it, is not sent again by any later probe of the run.
    /// </summary>
    private DirectorySettings BuildDirectory(ParseResult parse, CliHost host)
    {
        var user = parse.GetValue(LdapUser);
        if (user is not null && _ldapCredential is null)
        {
            // The wizard's front end asks in its own way (a dialog, the session's language); check asks on the terminal.
            _ldapCredential = new LdapCredential(user, () => host.Env("OOBW_LDAP_PASSWORD") is { Length: > 0 } fromEnv
                ? fromEnv
                : host.Password.AskLdap is { } ask ? ask(user)
                : host.ReadSecret?.Invoke($"LDAP password for {user} (empty: bind anonymously): "));
            _ = _ldapCredential.Password;
        }

        return new DirectorySettings
        {
            DomainController = parse.GetValue(Dc),
            Security = parse.GetValue(Ldaps) ? LdapSecurity.Ldaps : parse.GetValue(StartTls) ? LdapSecurity.StartTls : LdapSecurity.None,
            TrustedCaFile = parse.GetValue(LdapCa)?.FullName,
            Credential = _ldapCredential,
            AmtOu = parse.GetValue(AmtOu),
            SiteServer = parse.GetValue(SiteServer),
            CaDomain = parse.GetValue(CaDomain),
        };
    }

    private CertificateSettings BuildCertificates(ParseResult parse, CliHost host)
    {
        var prov = parse.GetValue(ProvCert)?.FullName;
        _pfxPassword ??= new Lazy<string?>(() => host.Env("OOBW_PFX_PASSWORD") is { Length: > 0 } fromEnv
            ? fromEnv
            : host.Password.AskPfx is { } ask ? ask(prov ?? parse.GetValue(AmtCert)?.FullName ?? "?")
            : host.ReadSecret?.Invoke($"PFX password for {prov ?? "the certificate"}: "));
        return new CertificateSettings
        {
            ProvisioningCertificateFile = prov,
            AmtCertificateFile = parse.GetValue(AmtCert)?.FullName,
            PfxPassword = () => _pfxPassword.Value,
        };
    }

    private void AddDirectoryValidators()
    {
        LdapCa.RegularFile(ReadLimit.Certificate);
        ProvCert.RegularFile(ReadLimit.Certificate);
        AmtCert.RegularFile(ReadLimit.Certificate);
        Dc.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => !DirectoryEndpoint.TryParse(t.Value, LdapSecurity.None, out _)))
            {
                result.AddError(Messages.Current.Format("error.dc", token.Value));
            }
        });
        AmtOu.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => !DistinguishedName.IsValid(t.Value)))
            {
                result.AddError(Messages.Current.Format("error.amt-ou", token.Value));
            }
        });
    }
    // ---
}
