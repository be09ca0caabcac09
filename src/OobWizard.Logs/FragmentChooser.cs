using System.Runtime.CompilerServices;
using System.Text;

namespace OobWizard.Logs;

/// <summary>
/// Picks, for every signature text, one whitespace-free ASCII token to search the raw bytes for: any
/// entry that matches the signature holds each of its tokens (the match ignores ASCII case and reads
/// whitespace runs as one space, and parsing only ever turns characters into whitespace), so the
/// lines without any token can be skipped unparsed. The token and its 3-byte fingerprint are chosen
/// where the fingerprint is rarest in a sample of the file.
/// </summary>
internal static class FragmentChooser
{
    /// <summary>
    /// The fragments for <paramref name="texts"/> (normalised signature texts), or null when some text
    /// has no ASCII token of 3 or more characters (then every line must be parsed).
    /// </summary>
    public static List<Fragment>? Choose(IEnumerable<string> texts, ReadOnlySpan<byte> sample)
    {
        var tokens = new List<List<byte[]>>();
        foreach (var text in texts)
        {
            var usable = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(t => t.Length >= 3 && Ascii.IsValid(t))
                .Select(t => Encoding.ASCII.GetBytes(t.ToLowerInvariant()))
                .ToList();
            if (usable.Count == 0)
            {
                return null;
            }

            tokens.Add(usable);
        }

        var counts = TrigramCounts(tokens.SelectMany(t => t), sample);
        var share = ByteShares(sample);
        var chosen = new Dictionary<string, Fragment>(StringComparer.Ordinal);
        foreach (var candidates in tokens)
        {
            Fragment? best = null;
            var bestCount = double.MaxValue;
            foreach (var token in candidates)
            {
                for (var o = 0; o + 3 <= token.Length; o++)
                {
                    // Seen in the sample, plus a little of what its bytes' shares expect: among trigrams
                    // the sample lacks, the one of rarer bytes (the rest of the file may differ).
                    var count = counts[Key(token, o)] + (sample.Length * share[token[o]] * share[token[o + 1]] * share[token[o + 2]] / 4);
                    if (count < bestCount || (count == bestCount && token.Length > best!.Bytes.Length))
                    {
                        best = new Fragment(token, o);
                        bestCount = count;
                    }
                }
            }

            chosen.TryAdd(Encoding.ASCII.GetString(best!.Bytes), best);
        }

        return [.. chosen.Values];
    }

    /// <summary>Each folded byte value's share of <paramref name="sample"/> (summing to 1; all zero when it is empty).</summary>
    private static double[] ByteShares(ReadOnlySpan<byte> sample)
    {
        var counts = new long[256];
        foreach (var b in sample)
        {
            counts[Fold(b)]++;
        }

        var total = Math.Max(1, sample.Length);
        return counts.Select(c => (double)c / total).ToArray();
    }

    private static int Key(byte[] token, int offset) => (token[offset] << 16) | (token[offset + 1] << 8) | token[offset + 2];

    private static byte Fold(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b;

    /// <summary>Occurrences in the sample (ASCII case folded) of every trigram of the tokens.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Dictionary<int, long> TrigramCounts(IEnumerable<byte[]> tokens, ReadOnlySpan<byte> sample)
    {
        var counts = new Dictionary<int, long>();
        var wanted = new HashSet<int>();
        foreach (var t in tokens)
        {
            for (var o = 0; o + 3 <= t.Length; o++)
            {
                counts[Key(t, o)] = 0;
                wanted.Add((t[o] << 8) | t[o + 1]);
            }
        }

        // Two bytes decide cheaply whether a position can start a wanted trigram.
        var pairs = new bool[65536];
        foreach (var p in wanted)
        {
            pairs[p] = true;
        }

        for (var i = 0; i + 2 < sample.Length; i++)
        {
            var a = Fold(sample[i]);
            var b = Fold(sample[i + 1]);
            if (pairs[(a << 8) | b])
            {
                var key = (a << 16) | (b << 8) | Fold(sample[i + 2]);
                if (counts.TryGetValue(key, out var c))
                {
                    counts[key] = c + 1;
                }
            }
        }

        return counts;
    }
}
