using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OobWizard.Logs;

/// <summary>
/// Line ends in a buffer of one-byte units, as <see cref="BoundedLineReader"/> reads them: LF, CR, or
/// CR LF counted once. Vectorised; every range given starts and ends at a line start (or the data's
/// end), and the byte after the range must be readable (the buffer's padding).
/// </summary>
internal static class LineTerminators
{
    /// <summary>
    /// How many lines end in [<paramref name="from"/>, <paramref name="to"/>), with vectors up to
    /// <paramref name="level"/> that the hardware runs (a Native AOT build at its baseline: 16 bytes).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Count(byte[] units, int from, int to, SimdLevel level = SimdLevel.Avx512)
    {
        var count = 0;
        var i = from;
        ref var d = ref MemoryMarshal.GetArrayDataReference(units);
        if (level >= SimdLevel.Avx2 && Vector256.IsHardwareAccelerated)
        {
            var cr = Vector256.Create((byte)'\r');
            var lf = Vector256.Create((byte)'\n');
            for (; i + 32 <= to; i += 32)
            {
                var v0 = Vector256.LoadUnsafe(ref d, (nuint)i);
                var v1 = Vector256.LoadUnsafe(ref d, (nuint)(i + 1));
                var ends = Vector256.Equals(v0, lf) | (Vector256.Equals(v0, cr) & ~Vector256.Equals(v1, lf));
                count += BitOperations.PopCount(ends.ExtractMostSignificantBits());
            }
        }
        else if (level >= SimdLevel.Ssse3 && Vector128.IsHardwareAccelerated)
        {
            var cr = Vector128.Create((byte)'\r');
            var lf = Vector128.Create((byte)'\n');
            for (; i + 16 <= to; i += 16)
            {
                var v0 = Vector128.LoadUnsafe(ref d, (nuint)i);
                var v1 = Vector128.LoadUnsafe(ref d, (nuint)(i + 1));
                var ends = Vector128.Equals(v0, lf) | (Vector128.Equals(v0, cr) & ~Vector128.Equals(v1, lf));
                count += BitOperations.PopCount(ends.ExtractMostSignificantBits());
            }
        }

        for (; i < to; i++)
        {
            if (units[i] == '\n' || (units[i] == '\r' && units[i + 1] != '\n'))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Adds to <paramref name="lines"/> the (start, end) of every line in [<paramref name="from"/>,
    /// <paramref name="to"/>) longer than <paramref name="minLength"/> units (end: before its terminator).
    /// Such a line covers a whole block of half that length, so only a block without a line end is
    /// looked at closer; in the others the first line end is found within a line's length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FindLong(byte[] units, int from, int to, int minLength, List<(int Start, int End)> lines)
    {
        if (to - from <= minLength)
        {
            return;
        }

        var block = Math.Max(1, minLength / 2);
        var at = from;
        while (at < to)
        {
            var size = Math.Min(block, to - at);
            if (units.AsSpan(at, size).IndexOfAny((byte)'\r', (byte)'\n') >= 0)
            {
                at += size;
                continue;
            }

            var before = units.AsSpan(from, at - from).LastIndexOfAny((byte)'\r', (byte)'\n');
            var start = before < 0 ? from : from + before + 1;
            var after = units.AsSpan(at + size, to - at - size).IndexOfAny((byte)'\r', (byte)'\n');
            var end = after < 0 ? to : at + size + after;
            if (end - start > minLength)
            {
                lines.Add((start, end));
            }

            at = end + 1;
        }
    }
}
