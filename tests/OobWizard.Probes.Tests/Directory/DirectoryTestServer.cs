using OobWizard.Probes.ActiveDirectory;
using Xunit;

namespace OobWizard.Probes.Tests.ActiveDirectory;

/// <summary>
/// The real Samba AD DC that tests/servers/ad-up.sh starts (corp.fabrikam.test on 127.0.0.2). Settings come from
/// the OOBW_AD_* environment variables, else $OOBW_AD_STATE/ad.env (default /tmp/oobwizard-ad), else the
/// documented defaults. A test that needs the DC calls <see cref="Require"/>: skipped locally when the DC does not
/// answer, failed under CI=true.
/// </summary>
public static class DirectoryTestServer
{
    public const string StartHint = "the Samba AD DC is not running; start it with: bash tests/servers/ad-up.sh (as root; stop: bash tests/servers/ad-down.sh)";

    public const string Domain = "corp.fabrikam.test";
    public const string Base = "DC=corp,DC=fabrikam,DC=test";

    private static readonly Lazy<string?> Problem = new(Check);
    private static readonly Lazy<Dictionary<string, string>> File = new(ReadEnvFile);

    public static string Dc => Get("OOBW_AD_DC", "127.0.0.2");

    public static string User => Get("OOBW_AD_USER", "amtreader@CORP.FABRIKAM.TEST");

    public static string Password => Get("OOBW_AD_PASSWORD", "Passw0rd!Read1");

    public static string Admin => Get("OOBW_AD_ADMIN", "Administrator@CORP.FABRIKAM.TEST");

    public static string AdminPassword => Get("OOBW_AD_ADMIN_PASSWORD", "Passw0rd!Test1");

    public static string CaFile => Get("OOBW_AD_CA", "/tmp/oobwizard-ad/dc/tls/ca.pem");

    /// <summary>Skips (locally) or fails (CI=true) when the DC does not answer an anonymous rootDSE read.</summary>
    public static void Require()
    {
        if (Problem.Value is not { } problem) return;
        var message = $"Samba AD DC at {Dc}: {problem}. {StartHint}";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("CI=true and the AD test DC is missing: " + message);
        }

        Skip.If(true, message);
    }

    /// <summary>A probe context aimed at the DC with the read-only account (or <paramref name="credential"/>).</summary>
    public static ProbeContext Context(string? amtOu = null, string? target = null, string? siteServer = null, string? caDomain = null,
        LdapCredential? credential = null, LdapSecurity security = LdapSecurity.None, string? dc = null, string? caFile = null, string? domain = Domain,
        TimeSpan? timeout = null) => new()
        {
            Target = target,
            Domain = domain,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            Directory = new DirectorySettings
            {
                DomainController = dc ?? Dc + (security == LdapSecurity.Ldaps ? ":636" : ""),
                Security = security,
                TrustedCaFile = caFile,
                Credential = credential ?? Reader(),
                AmtOu = amtOu,
                SiteServer = siteServer,
                CaDomain = caDomain,
            },
        };

    public static LdapCredential Reader() => new(User, () => Password);

    public static LdapCredential Administrator() => new(Admin, () => AdminPassword);

    private static string Get(string key, string fallback) =>
        Environment.GetEnvironmentVariable(key) is { Length: > 0 } v ? v : File.Value.TryGetValue(key, out var f) ? f : fallback;

    private static string? Check()
    {
        try
        {
            var endpoint = new DirectoryEndpoint(Dc, DirectoryEndpoint.LdapPort, LdapSecurity.None);
            using var reader = LdapReader.Open(endpoint, null, TimeSpan.FromSeconds(3));
            var root = reader.RootDse();
            return root.First("defaultNamingContext") == Base ? null : $"unexpected defaultNamingContext {root.First("defaultNamingContext")}";
        }
        catch (DirectoryException ex)
        {
            return ex.Message;
        }
    }

    private static Dictionary<string, string> ReadEnvFile()
    {
        var dir = Environment.GetEnvironmentVariable("OOBW_AD_STATE") is { Length: > 0 } d ? d : "/tmp/oobwizard-ad";
        var path = Path.Combine(dir, "ad.env");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!System.IO.File.Exists(path)) return values;
        foreach (var line in System.IO.File.ReadAllLines(path))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) values[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }

        return values;
    }
}
