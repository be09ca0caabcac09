using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace OobWizard.Probes.ActiveDirectory;

/// <summary>
/// A binary objectSid as its string form (MS-DTYP 2.4.2: revision, 48-bit big-endian authority, little-endian
/// 32-bit sub-authorities), without the Windows-only SecurityIdentifier class. Foreign security principals are
/// named by it (<c>CN=S-1-5-21-...,CN=ForeignSecurityPrincipals,...</c>).
/// </summary>
public static class SecurityIdentifierText
{
    /// <summary>The "S-1-5-21-..." form, or null when <paramref name="sid"/> is not a well-formed SID.</summary>
    public static string? Format(ReadOnlySpan<byte> sid)
    {
        if (sid.Length < 8) return null;
        var count = sid[1];
        if (sid.Length != 8 + (4 * count)) return null;
        ulong authority = 0;
        for (var i = 2; i < 8; i++) authority = (authority << 8) | sid[i];
        var sb = new StringBuilder("S-");
        sb.Append(sid[0].ToString(CultureInfo.InvariantCulture)).Append('-').Append(authority.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < count; i++)
        {
            sb.Append('-').Append(BinaryPrimitives.ReadUInt32LittleEndian(sid.Slice(8 + (4 * i), 4)).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
