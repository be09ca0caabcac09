using System.CommandLine;
using OobWizard.Probes;

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
    public Option<string?> ServicePoint { get; } = new("--service-point") { Description = "FQDN of the out-of-band service point" };
    public Option<string?> Domain { get; } = new("--domain") { Description = "The AD domain's DNS name" };
    public Option<double> Timeout { get; } = new("--timeout") { Description = "Seconds one probe may take", DefaultValueFactory = _ => 10 };

    public ProbeOptions()
    {
        RootCa.AcceptExistingOnly();
        CaFile.AcceptExistingOnly();

        // A mistyped server is a usage error (exit 2), not a silently ignored one.
        Dns.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!OobWizard.Probes.Dns.DnsServerEndpoint.TryParse(token.Value, out _))
                {
                    result.AddError($"--dns: '{token.Value}' is not SERVER[:PORT] (for example 10.0.0.53 or 10.0.0.53:5353)");
                }
            }
        });
    }

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Target, User, RootCa, CaFile, Insecure, Tls, Dns, ServicePoint, Domain, Timeout })
        {
            command.Options.Add(o);
        }
    }

    /// <summary>Builds the probe context. The password is read from the environment or asked for, and kept only in memory.</summary>
    public ProbeContext Build(ParseResult parse, CliHost host, Func<string?>? password = null, int? httpPort = null, int? tlsPort = null) => new()
    {
        Target = parse.GetValue(Target),
        User = parse.GetValue(User) ?? "admin",
        Password = password?.Invoke() ?? host.Env("OOBW_AMT_PASSWORD"),
        RootCaFile = parse.GetValue(RootCa)?.FullName,
        CaFile = parse.GetValue(CaFile)?.FullName,
        Insecure = parse.GetValue(Insecure),
        UseTls = parse.GetValue(Tls),
        DnsServers = parse.GetValue(Dns) ?? [],
        ServicePoint = parse.GetValue(ServicePoint),
        Domain = parse.GetValue(Domain),
        Timeout = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(Timeout), 0.1, 300)),
        HttpPort = httpPort ?? 16992,
        TlsPort = tlsPort ?? 16993,
    };
}
