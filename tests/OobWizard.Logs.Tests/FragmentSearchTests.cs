using System.Text;

namespace OobWizard.Logs.Tests;

/// <summary>
/// The byte search against a plain one: with more fingerprints than buckets (so that buckets are
/// shared), letters in either case and the bytes that differ from a fragment's only in bit 5
/// (<c>@</c>/<c>`</c>, CR/<c>-</c>, <c>[</c>/<c>{</c>), every occurrence's line is found on every
/// SIMD path, and nothing is reported that is no occurrence. The long-line finder against a plain loop.
/// </summary>
public sealed class FragmentSearchTests
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:-_.@`[{]}*";

    public static TheoryData<int> Levels() => new(Enum.GetValues<SimdLevel>().Select(l => (int)l));

    [Theory]
    [MemberData(nameof(Levels))]
    public void EveryOccurrencesLine_IsFound_AndEveryHitIsAnOccurrence(int level)
    {
        for (var seed = 0; seed < 16; seed++)
        {
            var random = new Random((seed * 7) + level);
            var fragments = Enumerable.Range(0, 20 + random.Next(30))
                .Select(_ => RandomWord(random, 3 + random.Next(10)).ToLowerInvariant())
                .Distinct(StringComparer.Ordinal)
                .Select(w => new Fragment(Encoding.ASCII.GetBytes(w), random.Next(w.Length - 2)))
                .ToList();
            var data = RandomData(random, fragments, 8_000 + random.Next(16_000));
            var buffer = new byte[data.Length + FragmentSearch.Padding];
            data.CopyTo(buffer, 0);
            var sample = data.AsSpan(0, Math.Min(data.Length, 1 + random.Next(data.Length)));
            var search = new FragmentSearch(fragments, sample, (SimdLevel)level);

            var from = random.Next(50);
            var to = data.Length - random.Next(50);
            var hits = new List<int>();
            search.Search(buffer, from, to, hits);

            var expected = Occurrences(data, fragments, from, to);
            var starts = expected.Select(o => o.Start).ToHashSet();
            Assert.All(hits, h => Assert.True(starts.Contains(h), $"seed {seed}: a hit at {h} is no occurrence"));
            var hitLines = hits.Select(h => LineOf(data, h)).ToHashSet();
            Assert.All(expected, o => Assert.True(hitLines.Contains(LineOf(data, o.Start)), $"seed {seed}: '{o.Text}' at {o.Start} was missed"));
        }
    }

    [Fact]
    public void LongLines_AreThoseAPlainLoopFinds()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var sb = new StringBuilder();
            while (sb.Length < 30_000)
            {
                sb.Append('x', random.Next(4) == 0 ? random.Next(3000) : random.Next(80));
                sb.Append(random.Next(3) switch { 0 => "\r\n", 1 => "\n", _ => "\r" });
            }

            if (seed % 2 == 0)
            {
                sb.Append('y', random.Next(3000)); // the range ends inside a line
            }

            var units = Encoding.ASCII.GetBytes(sb.ToString());
            var buffer = new byte[units.Length + FragmentSearch.Padding];
            units.CopyTo(buffer, 0);
            var minLength = 10 + random.Next(2000);
            var from = FirstLineStartAfter(units, random.Next(100));
            var found = new List<(int Start, int End)>();
            LineTerminators.FindLong(buffer, from, units.Length, minLength, found);
            Assert.Equal(PlainLongLines(units, from, units.Length, minLength), found);
        }
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void LineEnds_AreCountedAsAPlainLoopCountsThem(int level)
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random((seed * 5) + level);
            var units = Enumerable.Range(0, random.Next(400)).Select(_ => (byte)"ab\r\n\r\n x"[random.Next(8)]).ToArray();
            var buffer = new byte[units.Length + FragmentSearch.Padding];
            units.CopyTo(buffer, 0);
            var from = FirstLineStartAfter(units, random.Next(units.Length + 1));
            var plain = 0;
            for (var i = from; i < units.Length; i++)
            {
                plain += units[i] == '\n' || (units[i] == '\r' && buffer[i + 1] != '\n') ? 1 : 0;
            }

            Assert.Equal(plain, LineTerminators.Count(buffer, from, units.Length, (SimdLevel)level));
        }
    }

    private static string RandomWord(Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());

    /// <summary>Random text of the alphabet, spaces and line ends, with fragments planted in random case now and then.</summary>
    private static byte[] RandomData(Random random, List<Fragment> fragments, int length)
    {
        var sb = new StringBuilder();
        while (sb.Length < length)
        {
            var roll = random.Next(40);
            if (roll == 0)
            {
                var word = Encoding.ASCII.GetString(fragments[random.Next(fragments.Count)].Bytes);
                sb.Append(new string(word.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c).ToArray()));
            }
            else if (roll < 4)
            {
                sb.Append(random.Next(3) switch { 0 => "\r\n", 1 => "\n", _ => "\r" });
            }
            else if (roll < 10)
            {
                sb.Append(' ');
            }
            else
            {
                sb.Append(Alphabet[random.Next(Alphabet.Length)]);
            }
        }

        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    private static List<(int Start, string Text)> Occurrences(byte[] data, List<Fragment> fragments, int from, int to)
    {
        var found = new List<(int, string)>();
        for (var i = from; i < to; i++)
        {
            foreach (var f in fragments)
            {
                if (i + f.Bytes.Length <= to && System.Text.Ascii.EqualsIgnoreCase(data.AsSpan(i, f.Bytes.Length), f.Bytes))
                {
                    found.Add((i, Encoding.ASCII.GetString(f.Bytes)));
                }
            }
        }

        return found;
    }

    private static int LineOf(byte[] data, int at) => data.AsSpan(0, at).Count((byte)'\n') + data.AsSpan(0, at).Count((byte)'\r');

    private static int FirstLineStartAfter(byte[] units, int at)
    {
        while (at > 0 && at < units.Length && units[at - 1] is not ((byte)'\r' or (byte)'\n'))
        {
            at++;
        }

        return Math.Min(at, units.Length);
    }

    private static List<(int Start, int End)> PlainLongLines(byte[] units, int from, int to, int minLength)
    {
        var lines = new List<(int, int)>();
        if (to - from <= minLength)
        {
            return lines;
        }

        var start = from;
        for (var i = from; i < to; i++)
        {
            if (units[i] is (byte)'\r' or (byte)'\n')
            {
                if (i - start > minLength)
                {
                    lines.Add((start, i));
                }

                start = i + 1;
            }
        }

        if (to - start > minLength)
        {
            lines.Add((start, to));
        }

        return lines;
    }
}
