using System.Numerics;
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
    /// <summary>How many lines end in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static int Count(byte[] units, int from, int to)
    {
        var count = 0;
        ref var d = ref MemoryMarshal.GetArrayDataReference(units);
        var cr = Vector256.Create((byte)'\r');
        var lf = Vector256.Create((byte)'\n');
        var i = from;
        for (; i + 32 <= to; i += 32)
        {
            var v0 = Vector256.LoadUnsafe(ref d, (nuint)i);
            var v1 = Vector256.LoadUnsafe(ref d, (nuint)(i + 1));
            var ends = Vector256.Equals(v0, lf) | (Vector256.Equals(v0, cr) & ~Vector256.Equals(v1, lf));
            count += BitOperations.PopCount(ends.ExtractMostSignificantBits());
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
    /// </summary>
    public static void FindLong(byte[] units, int from, int to, int minLength, List<(int Start, int End)> lines)
    {
        if (to - from <= minLength)
        {
            return;
        }

        ref var d = ref MemoryMarshal.GetArrayDataReference(units);
        var cr = Vector256.Create((byte)'\r');
        var lf = Vector256.Create((byte)'\n');
        var lineStart = from;
        var i = from;
        for (; i + 32 <= to; i += 32)
        {
            var v = Vector256.LoadUnsafe(ref d, (nuint)i);
            var mask = (Vector256.Equals(v, lf) | Vector256.Equals(v, cr)).ExtractMostSignificantBits();
            if (mask != 0)
            {
                var first = i + BitOperations.TrailingZeroCount(mask);
                if (first - lineStart > minLength)
                {
                    lines.Add((lineStart, first));
                }

                lineStart = i + 32 - BitOperations.LeadingZeroCount(mask);
            }
        }

        for (; i < to; i++)
        {
            if (units[i] is (byte)'\r' or (byte)'\n')
            {
                if (i - lineStart > minLength)
                {
                    lines.Add((lineStart, i));
                }

                lineStart = i + 1;
            }
        }

        if (to - lineStart > minLength)
        {
            lines.Add((lineStart, to));
        }
    }
}
