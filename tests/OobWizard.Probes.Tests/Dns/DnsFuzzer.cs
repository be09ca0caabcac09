using System.Diagnostics;
using OobWizard.Probes.Dns.Wire;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>
/// Mutation fuzzer for <see cref="DnsMessageReader"/>: starts from the captured real answers and
/// applies random byte-level mutations biased towards DNS structure (compression pointers, counts,
/// lengths). A run passes when every packet either parses or fails with <see cref="DnsFormatException"/>.
/// </summary>
public static class DnsFuzzer
{
    public static DnsFuzzReport Run(int count, int seed)
    {
        var seeds = typeof(CapturedAnswers).GetFields().Select(f => (byte[])f.GetValue(null)!).ToArray();
        var random = new Random(seed);
        var parsed = 0;
        var rejected = 0;
        var failures = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var packet = Mutate(seeds[random.Next(seeds.Length)], random);
            try
            {
                DnsMessageReader.Read(packet);
                parsed++;
            }
            catch (DnsFormatException)
            {
                rejected++;
            }
            catch (Exception ex)
            {
                if (failures.Count < 10)
                {
                    failures.Add($"{ex.GetType().Name}: {ex.Message} on {Convert.ToHexString(packet)}");
                }
            }
        }

        return new DnsFuzzReport(count, parsed, rejected, failures, stopwatch.Elapsed);
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var mutations = 1 + random.Next(4);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(9))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    // A compression pointer to anywhere, forwards, backwards or to itself.
                    bytes[at] = (byte)(0xC0 | random.Next(4));
                    if (at + 1 < bytes.Count)
                    {
                        bytes[at + 1] = (byte)random.Next(Math.Min(256, bytes.Count + 8));
                    }

                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 5:
                    bytes.RemoveAt(at);
                    break;
                case 6:
                    // A section count (header bytes 4..11) set to something else.
                    if (bytes.Count >= 12)
                    {
                        var field = 4 + (2 * random.Next(4));
                        bytes[field] = (byte)random.Next(3);
                        bytes[field + 1] = (byte)random.Next(256);
                    }

                    break;
                case 7:
                    // A length byte: label or RDLENGTH low byte at a random spot, around its limits.
                    bytes[at] = (byte)new[] { 0, 1, 62, 63, 64, 127, 128, 191, 255 }[random.Next(9)];
                    break;
                default:
                    // Copy a slice somewhere else (duplicated records, overlapping names).
                    var from = random.Next(bytes.Count);
                    var len = random.Next(Math.Min(32, bytes.Count - from) + 1);
                    bytes.InsertRange(at, bytes.GetRange(from, len));
                    break;
            }
        }

        return bytes.ToArray();
    }
}
