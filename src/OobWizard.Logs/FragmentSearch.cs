using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace OobWizard.Logs;

/// <summary>
/// Finds where any of a set of ASCII fragments occurs in a byte buffer, ASCII case-insensitively: the
/// "Teddy" method (a SIMD nibble-table test of a 3-byte fingerprint per fragment, then an exact check),
/// with 16 buckets. Each fragment's fingerprint is the 3 bytes at <see cref="Fragment.Offset"/>, chosen
/// by <see cref="FragmentChooser"/> to be rare in the file, so that few positions need the exact check.
/// Paths: AVX-512 (64 bytes a step), AVX2 (32), and a scalar one with the same tables (same candidates).
/// </summary>
internal sealed class FragmentSearch
{
    /// <summary>Bytes that must be readable past the end of a searched range (vector loads at +1 and +2).</summary>
    public const int Padding = 128;

    private const int Buckets = 16;

    private readonly Fragment[][] _buckets;
    private readonly byte[] _lo = new byte[6 * 16];
    private readonly byte[] _hi = new byte[6 * 16];
    private readonly ushort[] _scalar = new ushort[3 * 256];
    private readonly SimdLevel _level;

    /// <param name="fragments">folded (lower-case ASCII) fragments of at least 3 bytes, each with its fingerprint offset.</param>
    /// <param name="byteFrequency">how often each byte value occurs in the data (any scale), to group fingerprints into buckets.</param>
    /// <param name="level">the widest SIMD path to use; lowered to what the CPU has.</param>
    public FragmentSearch(IReadOnlyList<Fragment> fragments, ReadOnlySpan<double> byteFrequency, SimdLevel level)
    {
        if (fragments.Count == 0 || fragments.Any(f => f.Bytes.Length < 3 || f.Offset < 0 || f.Offset + 3 > f.Bytes.Length))
        {
            throw new ArgumentException("every fragment needs 3 bytes at its fingerprint offset", nameof(fragments));
        }

        _level = Available(level);
        var frequency = byteFrequency.ToArray();
        var groups = fragments.GroupBy(f => Convert.ToHexString(f.Bytes, f.Offset, 3)).Select(g => g.ToList()).ToList();
        while (groups.Count > Buckets)
        {
            // Merge the two groups whose union lets the fewest extra positions through.
            var best = (I: 0, J: 1, Cost: double.MaxValue);
            var alone = groups.Select(g => Acceptance(g, frequency)).ToArray();
            for (var i = 0; i < groups.Count; i++)
            {
                for (var j = i + 1; j < groups.Count; j++)
                {
                    var cost = Acceptance(groups[i].Concat(groups[j]), frequency) - alone[i] - alone[j];
                    if (cost < best.Cost)
                    {
                        best = (i, j, cost);
                    }
                }
            }

            groups[best.I].AddRange(groups[best.J]);
            groups.RemoveAt(best.J);
        }

        _buckets = new Fragment[Buckets][];
        for (var b = 0; b < Buckets; b++)
        {
            _buckets[b] = b < groups.Count ? [.. groups[b]] : [];
            foreach (var f in _buckets[b])
            {
                for (var k = 0; k < 3; k++)
                {
                    foreach (var v in Cases(f.Bytes[f.Offset + k]))
                    {
                        var table = (b / 8 * 3 + k) * 16;
                        _lo[table + (v & 15)] |= (byte)(1 << (b % 8));
                        _hi[table + (v >> 4)] |= (byte)(1 << (b % 8));
                    }
                }
            }
        }

        for (var k = 0; k < 3; k++)
        {
            for (var c = 0; c < 256; c++)
            {
                var low = _lo[(k * 16) + (c & 15)] & _hi[(k * 16) + (c >> 4)];
                var high = _lo[((3 + k) * 16) + (c & 15)] & _hi[((3 + k) * 16) + (c >> 4)];
                _scalar[(k * 256) + c] = (ushort)(low | (high << 8));
            }
        }
    }

    /// <summary>The path in use.</summary>
    public SimdLevel Level => _level;

    /// <summary>How many positions passed the fingerprint test (for measurements).</summary>
    public long Candidates { get; private set; }

    /// <summary>The widest path at or below <paramref name="wanted"/> that this CPU runs.</summary>
    public static SimdLevel Available(SimdLevel wanted) => wanted switch
    {
        SimdLevel.Avx512 when Avx512BW.IsSupported => SimdLevel.Avx512,
        SimdLevel.Avx512 or SimdLevel.Avx2 when Avx2.IsSupported => SimdLevel.Avx2,
        _ => SimdLevel.Scalar,
    };

    /// <summary>
    /// Adds to <paramref name="hits"/> (ascending) the start of every fragment match lying wholly in
    /// [<paramref name="from"/>, <paramref name="to"/>). <paramref name="data"/> must have
    /// <see cref="Padding"/> readable bytes past <paramref name="to"/>.
    /// </summary>
    public void Search(byte[] data, int from, int to, List<int> hits)
    {
        if (to - from < 3)
        {
            return;
        }

        if (data.Length < to + Padding)
        {
            throw new ArgumentException("the buffer needs padding past the searched range", nameof(data));
        }

        var i = from;
        if (_level == SimdLevel.Avx512)
        {
            i = SearchAvx512(data, from, to, hits);
        }
        else if (_level == SimdLevel.Avx2)
        {
            i = SearchAvx2(data, from, to, hits);
        }

        for (; i + 2 < to; i++)
        {
            var m = _scalar[data[i]] & _scalar[256 + data[i + 1]] & _scalar[512 + data[i + 2]];
            if (m != 0)
            {
                Verify(data, from, to, i, m, hits);
            }
        }
    }

    private int SearchAvx512(byte[] data, int from, int to, List<int> hits)
    {
        var nibble = Vector512.Create((byte)15);
        var l0 = Table512(_lo, 0); var h0 = Table512(_hi, 0);
        var l1 = Table512(_lo, 1); var h1 = Table512(_hi, 1);
        var l2 = Table512(_lo, 2); var h2 = Table512(_hi, 2);
        var l3 = Table512(_lo, 3); var h3 = Table512(_hi, 3);
        var l4 = Table512(_lo, 4); var h4 = Table512(_hi, 4);
        var l5 = Table512(_lo, 5); var h5 = Table512(_hi, 5);
        ref var d = ref MemoryMarshal.GetArrayDataReference(data);
        var i = from;
        for (; i + 64 + 2 <= to; i += 64)
        {
            var v0 = Vector512.LoadUnsafe(ref d, (nuint)i);
            var v1 = Vector512.LoadUnsafe(ref d, (nuint)(i + 1));
            var v2 = Vector512.LoadUnsafe(ref d, (nuint)(i + 2));
            var n0 = v0 & nibble; var n1 = v1 & nibble; var n2 = v2 & nibble;
            var u0 = Vector512.ShiftRightLogical(v0.AsUInt16(), 4).AsByte() & nibble;
            var u1 = Vector512.ShiftRightLogical(v1.AsUInt16(), 4).AsByte() & nibble;
            var u2 = Vector512.ShiftRightLogical(v2.AsUInt16(), 4).AsByte() & nibble;
            var low = Avx512BW.Shuffle(l0, n0) & Avx512BW.Shuffle(h0, u0) & Avx512BW.Shuffle(l1, n1) & Avx512BW.Shuffle(h1, u1) & Avx512BW.Shuffle(l2, n2) & Avx512BW.Shuffle(h2, u2);
            var high = Avx512BW.Shuffle(l3, n0) & Avx512BW.Shuffle(h3, u0) & Avx512BW.Shuffle(l4, n1) & Avx512BW.Shuffle(h4, u1) & Avx512BW.Shuffle(l5, n2) & Avx512BW.Shuffle(h5, u2);
            var any = ~Vector512.Equals(low | high, Vector512<byte>.Zero).ExtractMostSignificantBits();
            while (any != 0)
            {
                var lane = BitOperations.TrailingZeroCount(any);
                any &= any - 1;
                Verify(data, from, to, i + lane, low.GetElement(lane) | (high.GetElement(lane) << 8), hits);
            }
        }

        return i;
    }

    private int SearchAvx2(byte[] data, int from, int to, List<int> hits)
    {
        var nibble = Vector256.Create((byte)15);
        var l0 = Table256(_lo, 0); var h0 = Table256(_hi, 0);
        var l1 = Table256(_lo, 1); var h1 = Table256(_hi, 1);
        var l2 = Table256(_lo, 2); var h2 = Table256(_hi, 2);
        var l3 = Table256(_lo, 3); var h3 = Table256(_hi, 3);
        var l4 = Table256(_lo, 4); var h4 = Table256(_hi, 4);
        var l5 = Table256(_lo, 5); var h5 = Table256(_hi, 5);
        ref var d = ref MemoryMarshal.GetArrayDataReference(data);
        var i = from;
        for (; i + 32 + 2 <= to; i += 32)
        {
            var v0 = Vector256.LoadUnsafe(ref d, (nuint)i);
            var v1 = Vector256.LoadUnsafe(ref d, (nuint)(i + 1));
            var v2 = Vector256.LoadUnsafe(ref d, (nuint)(i + 2));
            var n0 = v0 & nibble; var n1 = v1 & nibble; var n2 = v2 & nibble;
            var u0 = Vector256.ShiftRightLogical(v0.AsUInt16(), 4).AsByte() & nibble;
            var u1 = Vector256.ShiftRightLogical(v1.AsUInt16(), 4).AsByte() & nibble;
            var u2 = Vector256.ShiftRightLogical(v2.AsUInt16(), 4).AsByte() & nibble;
            var low = Avx2.Shuffle(l0, n0) & Avx2.Shuffle(h0, u0) & Avx2.Shuffle(l1, n1) & Avx2.Shuffle(h1, u1) & Avx2.Shuffle(l2, n2) & Avx2.Shuffle(h2, u2);
            var high = Avx2.Shuffle(l3, n0) & Avx2.Shuffle(h3, u0) & Avx2.Shuffle(l4, n1) & Avx2.Shuffle(h4, u1) & Avx2.Shuffle(l5, n2) & Avx2.Shuffle(h5, u2);
            var any = ~Vector256.Equals(low | high, Vector256<byte>.Zero).ExtractMostSignificantBits();
            while (any != 0)
            {
                var lane = BitOperations.TrailingZeroCount(any);
                any &= any - 1;
                Verify(data, from, to, i + lane, low.GetElement(lane) | (high.GetElement(lane) << 8), hits);
            }
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Verify(byte[] data, int from, int to, int position, int buckets, List<int> hits)
    {
        Candidates++;
        while (buckets != 0)
        {
            var b = BitOperations.TrailingZeroCount(buckets);
            buckets &= buckets - 1;
            foreach (var f in _buckets[b])
            {
                var start = position - f.Offset;
                if (start >= from && start + f.Bytes.Length <= to
                    && Ascii.EqualsIgnoreCase(data.AsSpan(start, f.Bytes.Length), f.Bytes))
                {
                    hits.Add(start);
                    return; // one hit per position is enough: the caller reads the whole line
                }
            }
        }
    }

    private static Vector512<byte> Table512(byte[] table, int k) => Vector512.Create(Table256(table, k), Table256(table, k));

    private static Vector256<byte> Table256(byte[] table, int k)
    {
        var t = Vector128.Create(table, k * 16);
        return Vector256.Create(t, t);
    }

    /// <summary>The byte values a folded fragment byte matches: both cases of an ASCII letter, else itself.</summary>
    private static byte[] Cases(byte c) => c is >= (byte)'a' and <= (byte)'z' ? [c, (byte)(c - 32)] : [c];

    /// <summary>Roughly how many positions a group's tables let through: per fingerprint byte, the share of bytes whose two nibbles both pass.</summary>
    private static double Acceptance(IEnumerable<Fragment> group, double[] frequency)
    {
        var lows = new bool[3, 16];
        var highs = new bool[3, 16];
        foreach (var f in group)
        {
            for (var k = 0; k < 3; k++)
            {
                foreach (var v in Cases(f.Bytes[f.Offset + k]))
                {
                    lows[k, v & 15] = true;
                    highs[k, v >> 4] = true;
                }
            }
        }

        var p = 1.0;
        for (var k = 0; k < 3; k++)
        {
            var share = 0.0;
            for (var c = 0; c < 256; c++)
            {
                if (lows[k, c & 15] && highs[k, c >> 4])
                {
                    share += frequency[c];
                }
            }

            p *= share;
        }

        return p;
    }
}
