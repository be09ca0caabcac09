using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OobWizard.Probes.Amt.Wsman;

/// <summary>
/// An HTTP Digest challenge (RFC 7616 §3.3) this client can answer, and the answer (§3.4). AMT sends
/// <c>Digest realm="Digest:…", nonce="…", stale="false", qop="auth"</c> (MD5). The client is ours rather than the
/// runtime's so that it knows exactly when a password leaves: a challenge it cannot answer (no nonce, an unknown
/// algorithm, garbage, Basic only) is refused by <see cref="TryParse"/> with the reason, and nothing is sent.
/// MD5 is what AMT's Digest mandates, not a choice.
/// </summary>
public sealed class DigestChallenge
{
    private static readonly string[] Algorithms = ["MD5", "MD5-sess", "SHA-256", "SHA-256-sess"];

    private DigestChallenge(string realm, string nonce, string? opaque, string algorithm, bool algorithmGiven, bool qopAuth, bool stale)
    {
        Realm = realm;
        Nonce = nonce;
        Opaque = opaque;
        Algorithm = algorithm;
        AlgorithmGiven = algorithmGiven;
        QopAuth = qopAuth;
        Stale = stale;
    }

    public string Realm { get; }

    public string Nonce { get; }

    public string? Opaque { get; }

    /// <summary>MD5 (the default when absent), MD5-sess, SHA-256 or SHA-256-sess.</summary>
    public string Algorithm { get; }

    private bool AlgorithmGiven { get; }

    /// <summary>The server offered qop "auth"; false means the RFC 2069 form without qop.</summary>
    public bool QopAuth { get; }

    /// <summary>stale=true: the nonce expired but the credentials were right (RFC 7616 §3.3); answer the new nonce.</summary>
    public bool Stale { get; }

    /// <summary>
    /// Reads the WWW-Authenticate values of a 401. Returns the Digest challenge to answer, or null with the reason it
    /// cannot be answered (then no credentials may be sent).
    /// </summary>
    /// <param name="headerValues">Raw header values, one challenge each (AMT sends one).</param>
    public static DigestChallenge? TryParse(IEnumerable<string> headerValues, out string whyNot)
    {
        ArgumentNullException.ThrowIfNull(headerValues);
        var schemes = new List<string>();
        string? lastProblem = null;
        foreach (var raw in headerValues)
        {
            var value = raw.Trim();
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            var scheme = space < 0 ? value : value[..space];
            if (scheme.Length == 0) continue;
            schemes.Add(scheme);
            if (!string.Equals(scheme, "Digest", StringComparison.OrdinalIgnoreCase)) continue;
            var parameters = space < 0 ? null : ParseParameters(value[(space + 1)..]);
            if (parameters is null)
            {
                lastProblem = "the Digest challenge cannot be read (its parameters are not name=value pairs)";
                continue;
            }

            if (Parse(parameters, out var problem) is { } challenge)
            {
                whyNot = "";
                return challenge;
            }

            lastProblem = problem;
        }

        whyNot = lastProblem ?? (schemes.Count == 0
            ? "the 401 answer carries no authentication challenge"
            : $"the device offers only {string.Join(", ", schemes.Distinct(StringComparer.OrdinalIgnoreCase))} authentication, not Digest (AMT uses Digest; a password is never sent in the clear)");
        return null;
    }

    private static DigestChallenge? Parse(Dictionary<string, string> p, out string problem)
    {
        problem = "";
        if (!p.TryGetValue("realm", out var realm))
        {
            problem = "the Digest challenge has no realm";
            return null;
        }

        if (!p.TryGetValue("nonce", out var nonce) || nonce.Length == 0)
        {
            problem = "the Digest challenge has no nonce";
            return null;
        }

        var algorithmGiven = p.TryGetValue("algorithm", out var algorithm);
        algorithm = algorithmGiven ? algorithm!.Trim() : "MD5";
        var known = Algorithms.FirstOrDefault(a => string.Equals(a, algorithm, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            problem = $"the Digest challenge asks for algorithm {algorithm}, which this client does not speak (MD5, SHA-256)";
            return null;
        }

        var qopAuth = false;
        if (p.TryGetValue("qop", out var qop))
        {
            var options = qop.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            qopAuth = options.Any(o => string.Equals(o, "auth", StringComparison.OrdinalIgnoreCase));
            if (!qopAuth)
            {
                problem = $"the Digest challenge offers qop {qop}, not auth";
                return null;
            }
        }

        p.TryGetValue("opaque", out var opaque);
        var stale = p.TryGetValue("stale", out var s) && string.Equals(s.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        return new DigestChallenge(realm, nonce, opaque, known, algorithmGiven, qopAuth, stale);
    }

    /// <summary>The Authorization header value for one request (RFC 7616 §3.4), nonce count <paramref name="nonceCount"/>.</summary>
    public string Authorize(string user, string password, string method, string uri, int nonceCount, string clientNonce)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(password);
        var sess = Algorithm.EndsWith("-sess", StringComparison.OrdinalIgnoreCase);
        var ha1 = Hash($"{user}:{Realm}:{password}");
        if (sess) ha1 = Hash($"{ha1}:{Nonce}:{clientNonce}");
        var ha2 = Hash($"{method}:{uri}");
        var nc = nonceCount.ToString("x8", CultureInfo.InvariantCulture);
        var response = QopAuth ? Hash($"{ha1}:{Nonce}:{nc}:{clientNonce}:auth:{ha2}") : Hash($"{ha1}:{Nonce}:{ha2}");
        var sb = new StringBuilder("Digest ");
        sb.Append(CultureInfo.InvariantCulture, $"username=\"{Quote(user)}\", realm=\"{Quote(Realm)}\", nonce=\"{Quote(Nonce)}\", uri=\"{Quote(uri)}\"");
        if (AlgorithmGiven) sb.Append(", algorithm=").Append(Algorithm);
        sb.Append(", response=\"").Append(response).Append('"');
        if (QopAuth) sb.Append(CultureInfo.InvariantCulture, $", qop=auth, nc={nc}, cnonce=\"{Quote(clientNonce)}\"");
        if (Opaque is not null) sb.Append(", opaque=\"").Append(Quote(Opaque)).Append('"');
        return sb.ToString();
    }

    /// <summary>A fresh client nonce: 16 random bytes in hex.</summary>
    public static string NewClientNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private string Hash(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Algorithm.StartsWith("SHA-256", StringComparison.OrdinalIgnoreCase)
            ? Convert.ToHexStringLower(SHA256.HashData(bytes))
#pragma warning disable CA5351 // Digest MD5 is what AMT speaks (RFC 2617/7616 default), not a choice.
            : Convert.ToHexStringLower(MD5.HashData(bytes));
#pragma warning restore CA5351
    }

    private static string Quote(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    /// <summary>RFC 7235 auth-params: name=token or name="quoted string", comma separated. Null when malformed.</summary>
    internal static Dictionary<string, string>? ParseParameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == ',' || text[i] == '\t')) i++;
            if (i >= text.Length) break;
            var eq = text.IndexOf('=', i);
            if (eq < 0) return null;
            var key = text[i..eq].Trim();
            if (key.Length == 0 || key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))) return null;
            i = eq + 1;
            while (i < text.Length && text[i] == ' ') i++;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                var sb = new StringBuilder();
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        sb.Append(text[i + 1]);
                        i += 2;
                        continue;
                    }

                    if (text[i] == '"')
                    {
                        closed = true;
                        i++;
                        break;
                    }

                    sb.Append(text[i]);
                    i++;
                }

                if (!closed) return null;
                value = sb.ToString();
            }
            else
            {
                var end = text.IndexOf(',', i);
                if (end < 0) end = text.Length;
                value = text[i..end].Trim();
                if (value.Length == 0 || value.Contains(' ', StringComparison.Ordinal)) return null;
                i = end;
            }

            result.TryAdd(key, value);
        }

        return result.Count == 0 ? null : result;
    }
}
