using System.Buffers.Binary;
using System.Diagnostics;
using DnsClient;
using OobWizard.Probes.Dns;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>
/// Serves mutated real answers (<see cref="CapturedAnswers"/>, mutations biased towards DNS structure:
/// compression pointers, counts, lengths, flags) from loopback servers over UDP and TCP, and asks the
/// seed's question through <see cref="DnsClientAdapter"/> each time. A run passes when every question
/// ends in a result (an answer or an error) and no exception escapes the adapter.
/// </summary>
public static class DnsHostileAnswerFuzzer
{
    public static async Task<DnsFuzzReport> RunAsync(int count, int seed, int workers, DnsClientAdapter client)
    {
        var seeds = typeof(CapturedAnswers).GetFields().Select(f => (byte[])f.GetValue(null)!).ToArray();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        var next = -1;
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(seed + w);
            byte[] current = [];
            using var server = new FakeDnsServer((q, _) => [Serve(Volatile.Read(ref current), q)]);
            var endpoint = DnsServerEndpoint.Parse(server.Endpoint);
            while (Interlocked.Increment(ref next) < count)
            {
                var origin = seeds[random.Next(seeds.Length)];
                var packet = Mutate(origin, random);
                Volatile.Write(ref current, packet);
                string outcome;
                try
                {
                    var r = await client.QueryAsync(endpoint, TestAnswers.NameOf(origin), QuestionType(origin));
                    outcome = Kind(r);
                }
                catch (Exception ex)
                {
                    outcome = "exception";
                    lock (failures)
                    {
                        if (failures.Count < 10)
                        {
                            failures.Add($"{ex.GetType().Name}: {ex.Message} on {Convert.ToHexString(packet)}");
                        }
                    }
                }

                lock (outcomes)
                {
                    outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                }
            }
        })).ToList();
        await Task.WhenAll(tasks);
        return new DnsFuzzReport(count, outcomes, failures, stopwatch.Elapsed);
    }

    /// <summary>The mutated answer with the query's id, except now and then, when it stays a stray.</summary>
    private static byte[] Serve(byte[] packet, byte[] query) =>
        packet.Length >= 2 && (packet[^1] & 0x0F) == 0x0F ? packet : TestAnswers.WithIdOf(packet, query);

    private static QueryType QuestionType(byte[] answer)
    {
        var i = 12;
        while (answer[i] != 0)
        {
            i += answer[i] + 1;
        }

        return (QueryType)BinaryPrimitives.ReadUInt16BigEndian(answer.AsSpan(i + 1));
    }

    /// <summary>How the adapter ended: answered (and how it came), or the kind of error.</summary>
    private static string Kind(DnsQueryResult r)
    {
        if (r.Answered)
        {
            return r.NotBelieved.Count == 0 ? $"answered over {r.Transport}" : $"answered over {r.Transport} after one not believed";
        }

        var error = r.Error ?? "no error text";
        return error switch
        {
            _ when error.Contains("unreadable", StringComparison.Ordinal) => "unreadable",
            _ when error.Contains("stray or spoofed", StringComparison.Ordinal) => "another id",
            _ when error.Contains("no host name can be", StringComparison.Ordinal) => "odd name",
            _ when error.Contains("an answer to", StringComparison.Ordinal) || error.Contains("questions", StringComparison.Ordinal) => "another question",
            _ when error.Contains("QR bit", StringComparison.Ordinal) => "not an answer",
            _ when error.Contains("truncated", StringComparison.Ordinal) => "truncated over TCP too",
            _ when error.Contains("closed the connection", StringComparison.Ordinal) => "TCP closed without an answer",
            _ when error.StartsWith("no answer", StringComparison.Ordinal) => "no answer (timeout)",
            _ => "other error: " + error.Split('(')[0].Trim(),
        };
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var mutations = 1 + random.Next(4);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(10))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    // A compression pointer to anywhere, forwards, backwards, past the end or to itself.
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
                case 8:
                    // Header flags: QR, opcode, AA, TC, RCODE.
                    if (bytes.Count >= 4)
                    {
                        bytes[2 + random.Next(2)] ^= (byte)(1 << random.Next(8));
                    }

                    break;
                default:
                    // Copy a slice somewhere else (duplicated records, overlapping names).
                    var from = random.Next(bytes.Count);
                    var len = random.Next(Math.Min(32, bytes.Count - from) + 1);
                    bytes.InsertRange(at, bytes.GetRange(from, len));
                    break;
            }
        }

        return [.. bytes];
    }
}
