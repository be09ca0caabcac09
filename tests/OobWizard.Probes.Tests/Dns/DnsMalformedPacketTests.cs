using OobWizard.Probes.Dns.Wire;
using Xunit;

namespace OobWizard.Probes.Tests.Dns;

public sealed class DnsMalformedPacketTests
{
    private static IEnumerable<byte[]> AllCaptures() =>
        typeof(CapturedAnswers).GetFields().Select(f => (byte[])f.GetValue(null)!);

    [Fact]
    public void EveryPrefixOfEveryCapture_IsAFormatErrorNotACrash()
    {
        foreach (var capture in AllCaptures())
        {
            for (var length = 0; length < capture.Length; length++)
            {
                var ex = Assert.Throws<DnsFormatException>(() => DnsMessageReader.Read(capture.AsMemory(0, length)));
                Assert.InRange(ex.Offset, 0, length);
            }
        }
    }

    [Fact]
    public void ShorterThanHeader_IsAFormatError()
    {
        var ex = Assert.Throws<DnsFormatException>(() => DnsMessageReader.Read(new byte[11]));

        Assert.Contains("header", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PointerToItself_IsRejected()
    {
        // Question name at offset 12 is a pointer to offset 12.
        var packet = DnsPackets.Concat(DnsPackets.Header(1, 0), [0xC0, 12, 0, 1, 0, 1]);

        var ex = Assert.Throws<DnsFormatException>(() => DnsMessageReader.Read(packet));
        Assert.Contains("strictly backwards", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoPointerLoop_IsRejected()
    {
        // Offset 12: label "a" then pointer to 17; offset 17: pointer back to 12. Neither may be followed twice.
        var packet = DnsPackets.Concat(DnsPackets.Header(1, 0), [1, (byte)'a', 0xC0, 17, 0, 0xC0, 12, 0, 1, 0, 1]);

        Assert.Throws<DnsFormatException>(() => DnsMessageReader.Read(packet));
    }

    [Fact]
    public void PointerBackwardsIntoItsOwnLabelRun_IsRejected()
    {
        // Answer owner at 30: labels "x","y" then a pointer to 32 (inside the run that started at 30):
        // backwards from the pointer but not before the run, so following it would loop.
        var question = new byte[] { 1, (byte)'q', 0, 0, 1, 0, 1 }; // offsets 12..18
        var pad = new byte[11]; // offsets 19..29: padding so the record starts at 30
        var header = DnsPackets.Header(1, 0, ar: 0);
        var bytes = DnsPackets.Concat(header, question, pad);
        var reader = new DnsReader(DnsPackets.Concat(bytes, [1, (byte)'x', 1, (byte)'y', 0xC0, 32]));
        for (var i = 0; i < 30; i++)
        {
            reader.ReadByte();
        }

        var ex = Assert.Throws<DnsFormatException>(() => reader.ReadName());
        Assert.Contains("strictly backwards", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForwardPointer_IsRejected()
    {
        // Question name points to offset 20, after itself, where a valid name sits.
        var packet = DnsPackets.Concat(DnsPackets.Header(1, 0), [0xC0, 20, 0, 1, 0, 1, 0, 0, 1, (byte)'a', 0]);

        var ex = Assert.Throws<DnsFormatException>(() => DnsMessageReader.Read(packet));
        Assert.Contains("strictly backwards", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BackwardPointerIntoAnEarlierName_IsAccepted()
    {
        // Question "a.test" at 12; the answer's owner is "pc" + pointer to 14 ("test"): pc.test.
        var question = new byte[] { 1, (byte)'a', 4, (byte)'t', (byte)'e', (byte)'s', (byte)'t', 0, 0, 1, 0, 1 };
        var answer = new byte[] { 2, (byte)'p', (byte)'c', 0xC0, 14, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 10, 0, 0, 1 };
        var m = DnsMessageReader.Read(DnsPackets.Concat(DnsPackets.Header(1, 1), question, answer));

        Assert.Equal("pc.test", m.Answers[0].Name);
    }

    [Theory]
    [InlineData(0x40)] // extended label type (RFC 6891 section 5)
    [InlineData(0x80)] // reserved
    [InlineData(0x7F)] // 0x40 bits set: a "label" of 127 bytes is impossible
    public void OversizedOrReservedLabelType_IsRejected(byte lengthByte)
    {
        var name = new byte[1 + 130];
        name[0] = lengthByte;
        var packet = DnsPackets.Concat(DnsPackets.Header(1, 0), name, [0, 0, 1, 0, 1]);

        var ex = Assert.Throws<DnsFormatException>(() => DnsMessageReader.Read(packet));
        Assert.Contains("label type", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NameLongerThan255Bytes_IsRejected()
    {
        // Five 63-byte labels = 320 bytes on the wire.
        var name = Enumerable.Range(0, 5).SelectMany(_ => new byte[] { 63 }.Concat(Enumerable.Repeat((byte)'a', 63))).Append((byte)0).ToArray();
        var packet = DnsPackets.Concat(DnsPackets.Header(1, 0), name, [0, 1, 0, 1]);

        var ex = Assert.Throws<DnsFormatException>(() => DnsMessageReader.Read(packet));
        Assert.Contains("longer than 255", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NameOfExactly255Bytes_IsAccepted()
    {
        // 3 x 63-byte labels + one 61-byte label + root = 4*1 + 250 + 1 = 255.
        var labels = new[] { 63, 63, 63, 61 };
        var name = labels.SelectMany(n => new byte[] { (byte)n }.Concat(Enumerable.Repeat((byte)'b', n))).Append((byte)0).ToArray();
        Assert.Equal(255, name.Length);
        var packet = DnsPackets.Concat(DnsPackets.Header(1, 0), name, [0, 1, 0, 1]);

        Assert.Equal(253, DnsMessageReader.Read(packet).Questions[0].Name.Length);
    }

    [Fact]
    public void PointerChainsThatExpandPast255Bytes_AreRejected()
    {
        // A chain of names each adding one 63-byte label to the previous by pointer.
        var bytes = new List<byte>(DnsPackets.Header(0, 0));
        var previous = -1;
        for (var i = 0; i < 6; i++)
        {
            var start = bytes.Count;
            bytes.Add(63);
            bytes.AddRange(Enumerable.Repeat((byte)'c', 63));
            if (previous < 0)
            {
                bytes.Add(0);
            }
            else
            {
                bytes.Add((byte)(0xC0 | (previous >> 8)));
                bytes.Add((byte)previous);
            }

            previous = start;
        }

        var reader = new DnsReader(bytes.ToArray());
        while (reader.Position < previous)
        {
            reader.ReadByte();
        }

        Assert.Throws<DnsFormatException>(() => reader.ReadName());
    }

    [Fact]
    public void RdlengthPastTheEnd_IsRejected()
    {
        var record = DnsPackets.Record("x.test", DnsRecordType.A, [127, 0, 0, 1], rdLength: 40);
        var packet = DnsPackets.Concat(DnsPackets.Header(0, 1), record);

        var ex = Assert.Throws<DnsFormatException>(() => DnsMessageReader.Read(packet));
        Assert.Contains("runs past the end", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RdlengthLongerThanTheNameInside_IsRejected()
    {
        // CNAME RDATA "a" + root (3 bytes) claimed as 5 bytes, followed by 2 stray bytes.
        var record = DnsPackets.Record("x.test", DnsRecordType.CNAME, [1, (byte)'a', 0, 0xAA, 0xBB]);
        var packet = DnsPackets.Concat(DnsPackets.Header(0, 1), record);

        var ex = Assert.Throws<DnsFormatException>(() => DnsMessageReader.Read(packet));
        Assert.Contains("RDLENGTH is 5 but the RDATA used 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NameInsideRdataRunningPastRdlength_IsRejected()
    {
        // RDLENGTH 2 but the CNAME target "ab" + root needs 4 bytes: the name must end inside the RDATA.
        var record = DnsPackets.Record("x.test", DnsRecordType.CNAME, [2, (byte)'a', (byte)'b', 0], rdLength: 2);
        var packet = DnsPackets.Concat(DnsPackets.Header(0, 1), record);

        Assert.Throws<DnsFormatException>(() => DnsMessageReader.Read(packet));
    }

    [Fact]
    public void CountsLargerThanTheData_IsAFormatErrorQuickly()
    {
        var packet = DnsPackets.Header(65535, 65535, 65535, 65535);

        Assert.Throws<DnsFormatException>(() => DnsMessageReader.Read(packet));
    }

    [Fact]
    public void TryRead_ReturnsTheErrorInsteadOfThrowing()
    {
        Assert.False(DnsMessageReader.TryRead(new byte[3], out var message, out var error));
        Assert.Null(message);
        Assert.NotNull(error);
    }
}
