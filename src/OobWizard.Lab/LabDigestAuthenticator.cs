using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace OobWizard.Lab;

/// <summary>
/// The server side of HTTP Digest (RFC 2617 with qop=auth, MD5) as AMT uses it: realm "Digest:" + 32 hex, a fresh
/// nonce per challenge. The lab is the server, so it checks the client's response here; the client side stays the
/// runtime's. MD5 is what the protocol mandates, not a choice.
/// </summary>
public sealed class LabDigestAuthenticator
{
    private readonly string _realm;
    private readonly string _user;
    private readonly string _password;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nonces = new(StringComparer.Ordinal);

    public LabDigestAuthenticator(string realm, string user, string password)
    {
        _realm = realm;
        _user = user;
        _password = password;
    }

    private int _accepted;
    private int _refused;

    public string Realm => _realm;

    /// <summary>Digest answers that carried the right password (tests count what a client sends).</summary>
    public int Accepted => _accepted;

    /// <summary>Digest answers that were refused: each one is a password sent that the device rejected.</summary>
    public int Refused => _refused;

    public string Challenge()
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        var now = DateTimeOffset.UtcNow;
        _nonces[nonce] = now;
        // Forget old nonces so a long-running `lab serve` does not grow without bound.
        if (_nonces.Count > 1024)
        {
            foreach (var stale in _nonces.Where(n => now - n.Value > TimeSpan.FromMinutes(5)).Select(n => n.Key).ToList())
            {
                _nonces.TryRemove(stale, out _);
            }
        }

        return $"Digest realm=\"{_realm}\", nonce=\"{nonce}\",stale=\"false\",qop=\"auth\"";
    }

    /// <summary>Checks an Authorization header value for the given method and request URI.</summary>
    public bool Verify(string? authorization, string method)
    {
        if (authorization is null || !authorization.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase)) return false;
        var ok = Check(authorization, method);
        Interlocked.Increment(ref ok ? ref _accepted : ref _refused);
        return ok;
    }

    private bool Check(string authorization, string method)
    {
        var p = ParseParameters(authorization["Digest ".Length..]);
        string? Get(string k) => p.TryGetValue(k, out var v) ? v : null;
        var username = Get("username");
        var realm = Get("realm");
        var nonce = Get("nonce");
        var uri = Get("uri");
        var response = Get("response");
        var qop = Get("qop");
        var nc = Get("nc");
        var cnonce = Get("cnonce");
        if (username is null || realm is null || nonce is null || uri is null || response is null) return false;
        if (!string.Equals(realm, _realm, StringComparison.Ordinal) || !_nonces.ContainsKey(nonce)) return false;
        if (!string.Equals(username, _user, StringComparison.Ordinal)) return false;
        var ha1 = Md5Hex($"{username}:{realm}:{_password}");
        var ha2 = Md5Hex($"{method}:{uri}");
        var expected = qop is null
            ? Md5Hex($"{ha1}:{nonce}:{ha2}")
            : Md5Hex($"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}");
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(response.ToLowerInvariant()));
    }

    private static string Md5Hex(string text) =>
#pragma warning disable CA5351 // Digest's algorithm is MD5 by RFC 2617; the lab must speak what AMT speaks.
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351

    private static Dictionary<string, string> ParseParameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == ',')) i++;
            var eq = text.IndexOf('=', i);
            if (eq < 0) break;
            var key = text[i..eq].Trim();
            i = eq + 1;
            if (i < text.Length && text[i] == '"')
            {
                var end = text.IndexOf('"', i + 1);
                if (end < 0) break;
                result[key] = text[(i + 1)..end];
                i = end + 1;
            }
            else
            {
                var end = text.IndexOf(',', i);
                if (end < 0) end = text.Length;
                result[key] = text[i..end].Trim();
                i = end;
            }
        }

        return result;
    }
}
