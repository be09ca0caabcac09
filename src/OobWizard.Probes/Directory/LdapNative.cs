using System.Runtime.InteropServices;
using System.Text;

namespace OobWizard.Probes.ActiveDirectory;

/// <summary>
/// Process-wide OpenLDAP options that System.DirectoryServices.Protocols does not expose on Linux, set through
/// <c>ldap_set_option(NULL, ...)</c> on the same libldap the runtime loads (it tries the same names in the same
/// order). New connections copy the global options when they are made.
/// <list type="bullet">
/// <item>LDAP_OPT_TIMEOUT (0x5002) and LDAP_OPT_NETWORK_TIMEOUT (0x5005): on Linux the runtime binds with the
/// synchronous <c>ldap_simple_bind_s</c>, which without them waits for ever on a server that accepts and never
/// answers.</item>
/// <item>LDAP_OPT_X_TLS_CACERTFILE (0x6002), LDAP_OPT_X_TLS_REQUIRE_CERT (0x6006, demand) and a new TLS context
/// (LDAP_OPT_X_TLS_NEWCTX, 0x600F): the CA to trust for the DC's certificate (<c>--ldap-ca</c>).
/// <c>LdapSessionOptions.VerifyServerCertificate</c> throws on Linux, so this is the only way to trust a CA that is
/// not in the system store without turning checking off.</item>
/// </list>
/// Windows has none of this (and needs none): there every call is a no-op.
/// </summary>
internal static unsafe class LdapNative
{
    private const int OptTimeout = 0x5002;
    private const int OptNetworkTimeout = 0x5005;
    private const int OptTlsCaCertFile = 0x6002;
    private const int OptTlsRequireCert = 0x6006;
    private const int OptTlsNewContext = 0x600F;
    private const int TlsDemand = 2;

    private static readonly Lock Gate = new();
    private static readonly nint SetOption = Load();
    private static string? _caFile;

    /// <summary>Whether the options can be set (libldap found; not Windows).</summary>
    public static bool Available => SetOption != 0;

    /// <summary>
    /// Sets the global timeouts and CA file for connections made from now on. Callers hold <see cref="Gate"/>
    /// through <see cref="Configure"/> while they create their connection, so concurrent probes do not mix settings.
    /// </summary>
    public static IDisposable Configure(TimeSpan timeout, string? caFile)
    {
        Gate.Enter();
        try
        {
            if (SetOption == 0) return new Release();
            var set = (delegate* unmanaged<nint, int, void*, int>)SetOption;
            var whole = (long)Math.Max(1, Math.Floor(timeout.TotalSeconds));
            var tv = stackalloc long[2];
            tv[0] = whole;
            tv[1] = (long)((timeout.TotalSeconds - whole) * 1_000_000);
            if (tv[1] < 0) tv[1] = 0;
            _ = set(0, OptTimeout, tv);
            _ = set(0, OptNetworkTimeout, tv);
            if (!string.Equals(caFile, _caFile, StringComparison.Ordinal))
            {
                var bytes = Encoding.UTF8.GetBytes((caFile ?? "") + "\0");
                fixed (byte* p = bytes)
                {
                    _ = set(0, OptTlsCaCertFile, caFile is null ? null : p);
                }

                var demand = TlsDemand;
                _ = set(0, OptTlsRequireCert, &demand);
                var client = 0;
                _ = set(0, OptTlsNewContext, &client);
                _caFile = caFile;
            }

            return new Release();
        }
        catch
        {
            Gate.Exit();
            throw;
        }
    }

    private static nint Load()
    {
        if (OperatingSystem.IsWindows()) return 0;
        foreach (var name in new[] { "libldap.so.2", "libldap-2.6.so.0", "libldap-2.5.so.0", "libldap.dylib" })
        {
            if (NativeLibrary.TryLoad(name, out var lib) && NativeLibrary.TryGetExport(lib, "ldap_set_option", out var export))
            {
                return export;
            }
        }

        return 0;
    }

    private sealed class Release : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) Gate.Exit();
        }
    }
}
