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
/// The test reads every byte with bit 5 set (<c>b | 0x20</c>: a letter's two cases become one), so a
/// fingerprint needs one table entry a byte. Fingerprints share the 16 buckets by how few extra
/// positions of a sample of the data a shared bucket lets through.
/// Paths: AVX-512 (64 bytes a step), AVX2 (32), SSSE3 (16; what a Native AOT build has at its x86-64-v2
/// baseline), and a scalar one with the same tables (same candidates).
/// </summary>
internal sealed class FragmentSearch
{
    /// <summary>Bytes that must be readable past the end of a searched range (vector loads at +1 and +2).</summary>
    public const int Padding = 128;

    /// <summary>How much of the sample decides which fingerprints share a bucket.</summary>
    private const int SampleBytes = 256 * 1024;

    private const int Buckets = 16;

    private readonly Fragment[][] _buckets;
    private readonly byte[] _lo = new byte[6 * 16];
    private readonly byte[] _hi = new byte[6 * 16];
    private readonly ushort[] _scalar = new ushort[3 * 256];
    private readonly SimdLevel _level;

    /// <param name="fragments">folded (lower-case ASCII) fragments of at least 3 bytes, each with its fingerprint offset.</param>
    /// <param name="sample">some of the data (its start), to group fingerprints into buckets.</param>
    /// <param name="level">the widest SIMD path to use; lowered to what the CPU has.</param>
    public FragmentSearch(IReadOnlyList<Fragment> fragments, ReadOnlySpan<byte> sample, SimdLevel level)
    {
        if (fragments.Count == 0 || fragments.Any(f => f.Bytes.Length < 3 || f.Offset < 0 || f.Offset + 3 > f.Bytes.Length))
        {
            throw new ArgumentException("every fragment needs 3 bytes at its fingerprint offset", nameof(fragments));
        }

        _level = Available(level);
        var groups = Group(fragments, sample[..Math.Min(sample.Length, SampleBytes)]);
        _buckets = new Fragment[Buckets][];
        for (var b = 0; b < Buckets; b++)
        {
            _buckets[b] = b < groups.Count ? [.. groups[b]] : [];
            foreach (var f in _buckets[b])
            {
                for (var k = 0; k < 3; k++)
                {
                    var v = Folded(f.Bytes[f.Offset + k]);
                    var table = (b / 8 * 3 + k) * 16;
                    _lo[table + (v & 15)] |= (byte)(1 << (b % 8));
                    _hi[table + (v >> 4)] |= (byte)(1 << (b % 8));
                }
            }
        }

        for (var k = 0; k < 3; k++)
        {
            for (var c = 0; c < 256; c++)
            {
                var v = Folded((byte)c);
                var low = _lo[(k * 16) + (v & 15)] & _hi[(k * 16) + (v >> 4)];
                var high = _lo[((3 + k) * 16) + (v & 15)] & _hi[((3 + k) * 16) + (v >> 4)];
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
        SimdLevel.Avx512 or SimdLevel.Avx2 or SimdLevel.Ssse3 when Ssse3.IsSupported => SimdLevel.Ssse3,
        _ => SimdLevel.Scalar,
    };

    /// <summary>
    /// Adds to <paramref name="hits"/> (ascending) the start of every fragment match lying wholly in
    /// [<paramref name="from"/>, <paramref name="to"/>). <paramref name="data"/> must have
    /// <see cref="Padding"/> readable bytes past <paramref name="to"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        else if (_level == SimdLevel.Ssse3)
        {
            i = SearchSsse3(data, from, to, hits);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SearchAvx512(byte[] data, int from, int to, List<int> hits)
    {
        var nibble = Vector512.Create((byte)15);
        var fold = Vector512.Create((byte)0x20);
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
            var u0 = Vector512.ShiftRightLogical((v0 | fold).AsUInt16(), 4).AsByte() & nibble;
            var u1 = Vector512.ShiftRightLogical((v1 | fold).AsUInt16(), 4).AsByte() & nibble;
            var u2 = Vector512.ShiftRightLogical((v2 | fold).AsUInt16(), 4).AsByte() & nibble;
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SearchAvx2(byte[] data, int from, int to, List<int> hits)
    {
        var nibble = Vector256.Create((byte)15);
        var fold = Vector256.Create((byte)0x20);
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
            var u0 = Vector256.ShiftRightLogical((v0 | fold).AsUInt16(), 4).AsByte() & nibble;
            var u1 = Vector256.ShiftRightLogical((v1 | fold).AsUInt16(), 4).AsByte() & nibble;
            var u2 = Vector256.ShiftRightLogical((v2 | fold).AsUInt16(), 4).AsByte() & nibble;
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SearchSsse3(byte[] data, int from, int to, List<int> hits)
    {
        var nibble = Vector128.Create((byte)15);
        var fold = Vector128.Create((byte)0x20);
        var l0 = Vector128.Create(_lo, 0); var h0 = Vector128.Create(_hi, 0);
        var l1 = Vector128.Create(_lo, 16); var h1 = Vector128.Create(_hi, 16);
        var l2 = Vector128.Create(_lo, 32); var h2 = Vector128.Create(_hi, 32);
        var l3 = Vector128.Create(_lo, 48); var h3 = Vector128.Create(_hi, 48);
        var l4 = Vector128.Create(_lo, 64); var h4 = Vector128.Create(_hi, 64);
        var l5 = Vector128.Create(_lo, 80); var h5 = Vector128.Create(_hi, 80);
        ref var d = ref MemoryMarshal.GetArrayDataReference(data);
        var i = from;
        for (; i + 16 + 2 <= to; i += 16)
        {
            var v0 = Vector128.LoadUnsafe(ref d, (nuint)i);
            var v1 = Vector128.LoadUnsafe(ref d, (nuint)(i + 1));
            var v2 = Vector128.LoadUnsafe(ref d, (nuint)(i + 2));
            var n0 = v0 & nibble; var n1 = v1 & nibble; var n2 = v2 & nibble;
            var u0 = Vector128.ShiftRightLogical((v0 | fold).AsUInt16(), 4).AsByte() & nibble;
            var u1 = Vector128.ShiftRightLogical((v1 | fold).AsUInt16(), 4).AsByte() & nibble;
            var u2 = Vector128.ShiftRightLogical((v2 | fold).AsUInt16(), 4).AsByte() & nibble;
            var low = Ssse3.Shuffle(l0, n0) & Ssse3.Shuffle(h0, u0) & Ssse3.Shuffle(l1, n1) & Ssse3.Shuffle(h1, u1) & Ssse3.Shuffle(l2, n2) & Ssse3.Shuffle(h2, u2);
            var high = Ssse3.Shuffle(l3, n0) & Ssse3.Shuffle(h3, u0) & Ssse3.Shuffle(l4, n1) & Ssse3.Shuffle(h4, u1) & Ssse3.Shuffle(l5, n2) & Ssse3.Shuffle(h5, u2);
            var any = ~Vector128.Equals(low | high, Vector128<byte>.Zero).ExtractMostSignificantBits() & 0xFFFF;
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

    /// <summary>What the test reads for a byte: bit 5 set (a letter's lower case; the rest lands on a rare byte or itself).</summary>
    private static byte Folded(byte b) => (byte)(b | 0x20);

    /// <summary>
    /// Fingerprints in at most 16 groups: the same fingerprint shares a group, then the two groups whose
    /// shared tables let the fewest extra positions through are merged, until 16 are left. Positions are
    /// counted in <paramref name="sample"/> (its folded trigrams); an expectation from its byte shares
    /// breaks ties among trigrams the sample lacks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<List<Fragment>> Group(IReadOnlyList<Fragment> fragments, ReadOnlySpan<byte> sample)
    {
        var groups = fragments.GroupBy(f => (Folded(f.Bytes[f.Offset]) << 16) | (Folded(f.Bytes[f.Offset + 1]) << 8) | Folded(f.Bytes[f.Offset + 2]))
            .Select(g => g.ToList()).ToList();
        if (groups.Count <= Buckets)
        {
            return groups;
        }

        var trigrams = new Dictionary<int, int>();
        var share = new double[256];
        for (var i = 0; i + 2 < sample.Length; i++)
        {
            var key = (Folded(sample[i]) << 16) | (Folded(sample[i + 1]) << 8) | Folded(sample[i + 2]);
            trigrams[key] = trigrams.GetValueOrDefault(key) + 1;
        }

        foreach (var b in sample)
        {
            share[Folded(b)] += 1.0 / sample.Length;
        }

        var length = (double)sample.Length;
        var keys = trigrams.Keys.ToArray();
        var counts = keys.Select(k => (double)trigrams[k]).ToArray();
        var masks = groups.Select(MasksOf).ToList();
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        double Cost(BucketMasks m)
        {
            var seen = 0.0;
            for (var t = 0; t < keys.Length; t++)
            {
                if (m.Accepts(keys[t]))
                {
                    seen += counts[t];
                }
            }

            var expected = length;
            for (var k = 0; k < 3; k++)
            {
                var part = 0.0;
                for (var c = 0; c < 256; c++)
                {
                    if (share[c] > 0 && m.Accepts(k, (byte)c))
                    {
                        part += share[c];
                    }
                }

                expected *= part;
            }

            return seen + (expected / 4);
        }

        var alone = masks.Select(Cost).ToList();
        var extra = new double[groups.Count, groups.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            for (var j = i + 1; j < groups.Count; j++)
            {
                extra[i, j] = Cost(masks[i] | masks[j]) - alone[i] - alone[j];
            }
        }

        var live = Enumerable.Range(0, groups.Count).ToList();
        while (live.Count > Buckets)
        {
            var best = (I: -1, J: -1, Cost: double.MaxValue);
            for (var a = 0; a < live.Count; a++)
            {
                for (var b = a + 1; b < live.Count; b++)
                {
                    if (extra[live[a], live[b]] < best.Cost)
                    {
                        best = (live[a], live[b], extra[live[a], live[b]]);
                    }
                }
            }

            var (gi, gj) = (best.I, best.J);
            groups[gi].AddRange(groups[gj]);
            masks[gi] |= masks[gj];
            alone[gi] = Cost(masks[gi]);
            live.Remove(gj);
            foreach (var other in live)
            {
                if (other != gi)
                {
                    var (x, y) = other < gi ? (other, gi) : (gi, other);
                    extra[x, y] = Cost(masks[x] | masks[y]) - alone[x] - alone[y];
                }
            }
        }

        return live.Select(i => groups[i]).ToList();
    }

    private static BucketMasks MasksOf(List<Fragment> group)
    {
        var m = default(BucketMasks);
        foreach (var f in group)
        {
            m |= MasksOf(f.Bytes.AsSpan(f.Offset, 3));
        }

        return m;
    }

    private static BucketMasks MasksOf(ReadOnlySpan<byte> fingerprint)
    {
        var m = default(BucketMasks);
        for (var k = 0; k < 3; k++)
        {
            var v = Folded(fingerprint[k]);
            m = m.With(k, (ushort)(1 << (v & 15)), (ushort)(1 << (v >> 4)));
        }

        return m;
    }

    /// <summary>A bucket's tables as bit sets: for each fingerprint byte, the low and the high nibbles it lets through.</summary>
    private readonly record struct BucketMasks(ushort Lo0, ushort Hi0, ushort Lo1, ushort Hi1, ushort Lo2, ushort Hi2)
    {
        public static BucketMasks operator |(BucketMasks a, BucketMasks b) =>
            new((ushort)(a.Lo0 | b.Lo0), (ushort)(a.Hi0 | b.Hi0), (ushort)(a.Lo1 | b.Lo1), (ushort)(a.Hi1 | b.Hi1), (ushort)(a.Lo2 | b.Lo2), (ushort)(a.Hi2 | b.Hi2));

        public BucketMasks With(int k, ushort lo, ushort hi) => k switch
        {
            0 => this with { Lo0 = (ushort)(Lo0 | lo), Hi0 = (ushort)(Hi0 | hi) },
            1 => this with { Lo1 = (ushort)(Lo1 | lo), Hi1 = (ushort)(Hi1 | hi) },
            _ => this with { Lo2 = (ushort)(Lo2 | lo), Hi2 = (ushort)(Hi2 | hi) },
        };

        /// <summary>Whether byte <paramref name="k"/> of a fingerprint may be the folded byte <paramref name="v"/>.</summary>
        public bool Accepts(int k, byte v)
        {
            var (lo, hi) = k switch { 0 => (Lo0, Hi0), 1 => (Lo1, Hi1), _ => (Lo2, Hi2) };
            return ((lo >> (v & 15)) & 1) != 0 && ((hi >> (v >> 4)) & 1) != 0;
        }

        /// <summary>Whether the folded trigram <paramref name="key"/> (first byte highest) passes.</summary>
        public bool Accepts(int key) =>
            ((Lo0 >> ((key >> 16) & 15)) & (Hi0 >> ((key >> 20) & 15)) & (Lo1 >> ((key >> 8) & 15)) & (Hi1 >> ((key >> 12) & 15)) & (Lo2 >> (key & 15)) & (Hi2 >> ((key >> 4) & 15)) & 1) != 0;
    }
}
