using System.Text;
using OobWizard.Core.Files;
using OobWizard.Core.Tests.Support;
using OobWizard.Tests.Shared;

namespace OobWizard.Core.Tests.Files;

/// <summary>
/// <see cref="InputFile.OpenText"/>, for files read line by line (a scan's target list and results): refused before
/// opening like every other read, and bounded while reading, for a file whose size said less than it holds.
/// </summary>
public sealed class InputFileStreamTests : IDisposable
{
    private static readonly ReadLimit Small = new("test file", 256);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("device")]
    [InlineData("fifo")]
    [InlineData("folder")]
    [InlineData("oversized")]
    public void A_special_or_oversized_file_is_refused_before_it_is_opened(string kind)
    {
        var (path, expected) = SpecialFiles.Hostile(kind, _dir.Path, "list.txt", Small.MaxBytes);
        InputFileException? refused = null;

        var finished = SpecialFiles.FinishesWithout(path, () => refused = Assert.Throws<InputFileException>(() => InputFile.OpenText(path, Small).Dispose()));

        Assert.True(finished, $"OpenText blocked on {path}");
        Assert.Contains(path, refused!.Message, StringComparison.Ordinal);
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_holds_more_than_its_size_said_stops_at_the_cap()
    {
        // /proc files are regular files of size 0 that hold text: like a file that grows while it is read.
        const string maps = "/proc/self/maps";
        Assert.Equal((FileKind.Regular, 0L), FileKinds.Of(maps));
        using var reader = InputFile.OpenText(maps, Small);

        var ex = Assert.Throws<InputFileException>(() => reader.ReadToEnd());

        Assert.Equal($"{maps} is larger than 256 B, the most a test file may be", ex.Message);
    }

    [Fact]
    public void A_regular_file_reads_as_text_with_its_byte_order_mark_honoured()
    {
        var utf8 = _dir.File("utf8.csv");
        File.WriteAllBytes(utf8, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("pc-ä\n")]);
        var utf16 = _dir.File("utf16.csv");
        File.WriteAllBytes(utf16, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("pc-ö\n")]);

        using (var reader = InputFile.OpenText(utf8, Small))
        {
            Assert.Equal("pc-ä\n", reader.ReadToEnd());
        }

        using (var reader = InputFile.OpenText(utf16, Small))
        {
            Assert.Equal("pc-ö\n", reader.ReadToEnd());
        }
    }

    [Fact]
    public void Sizes_from_a_gibibyte_up_read_in_gibibytes()
    {
        Assert.Equal("1 GiB", ReadLimit.Format(1L << 30));
        Assert.Equal("1025 MiB", ReadLimit.Format((1L << 30) + (1L << 20)));
        Assert.Equal("16 MiB", ReadLimit.Format(ReadLimit.TargetList.MaxBytes));
    }
}
