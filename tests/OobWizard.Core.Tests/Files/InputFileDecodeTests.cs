using System.Text;
using OobWizard.Core.Files;

namespace OobWizard.Core.Tests.Files;

/// <summary>
/// <see cref="InputFile.ReadAllText(Stream, string, ReadLimit)"/> decodes as a StreamReader with byte order mark
/// detection over UTF-8 does (the way it read before it decoded in one step): each BOM, none, invalid bytes.
/// </summary>
public sealed class InputFileDecodeTests
{
    private static readonly ReadLimit Limit = new("test file", 1 << 20);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var encoding in new[] { "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "utf-32le", "utf-32be" })
        {
            foreach (var text in new[] { "", "a", "pc-ä\nzweite Zeile\r\n", "証明書の拇印 (SHA-1)\n", "emoji 🙂 and \u0000 nul" })
            {
                data.Add(encoding, text);
            }
        }

        return data;
    }

    private static byte[] Encode(string encoding, string text) => encoding switch
    {
        "utf-8" => Encoding.UTF8.GetBytes(text),
        "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        "utf-32le" => [.. new UTF32Encoding(false, true).GetPreamble(), .. new UTF32Encoding(false, true).GetBytes(text)],
        "utf-32be" => [.. new UTF32Encoding(true, true).GetPreamble(), .. new UTF32Encoding(true, true).GetBytes(text)],
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    private static string ByStreamReader(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_byte_order_mark_decodes_as_a_stream_reader_does(string encoding, string text)
    {
        var bytes = Encode(encoding, text);

        var read = InputFile.ReadAllText(new MemoryStream(bytes), "test", Limit);

        Assert.Equal(text, read);
        Assert.Equal(ByStreamReader(bytes), read);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xFF, 0x62 })]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xEF, 0xBB })]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xE8, 0xA8, 0xBC, 0xE6 })]
    public void Invalid_or_cut_bytes_become_replacement_characters_as_before(byte[] bytes)
    {
        Assert.Equal(ByStreamReader(bytes), InputFile.ReadAllText(new MemoryStream(bytes), "test", Limit));
    }
}
