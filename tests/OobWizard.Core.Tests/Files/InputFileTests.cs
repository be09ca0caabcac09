using OobWizard.Core.Files;
using OobWizard.Core.Tests.Support;
using OobWizard.Tests.Shared;

namespace OobWizard.Core.Tests.Files;

/// <summary>Special files are refused before they are opened; regular files are read only up to their kind's cap.</summary>
public sealed class InputFileTests : IDisposable
{
    private static readonly ReadLimit Small = new("test file", 1024);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("/dev/zero", "character device")]
    [InlineData("/dev/null", "character device")]
    [InlineData("/dev/urandom", "character device")]
    public void A_device_is_refused_before_it_is_read(string path, string what)
    {
        var ex = Assert.Throws<InputFileException>(() => InputFile.ReadAllText(path, ReadLimit.Session));

        Assert.Contains(path, ex.Message);
        Assert.Contains(what, ex.Message);
    }

    [Fact]
    public void A_fifo_is_refused_without_waiting_for_a_writer()
    {
        var fifo = SpecialFiles.Fifo(_dir.File("session.json"));

        // Opening a FIFO for reading blocks until a writer comes: a refusal here means it was never opened.
        var ex = Assert.Throws<InputFileException>(() => InputFile.ReadAllText(fifo, ReadLimit.Session));

        Assert.Contains("FIFO", ex.Message);
        Assert.Throws<InputFileException>(() => InputFile.OpenRead(fifo).Dispose());
    }

    [Fact]
    public void A_link_to_a_device_is_refused_like_the_device()
    {
        var link = SpecialFiles.LinkToDevZero(_dir.File("page.md"));

        var ex = Assert.Throws<InputFileException>(() => InputFile.ReadAllText(link, ReadLimit.ContentPage));

        Assert.Contains("character device", ex.Message);
    }

    [Fact]
    public void A_file_over_its_kinds_cap_is_refused_and_says_both_sizes()
    {
        var file = _dir.File("big.json");
        File.WriteAllBytes(file, new byte[2048]);

        var ex = Assert.Throws<InputFileException>(() => InputFile.ReadAllBytes(file, Small));

        Assert.Contains("2 KiB", ex.Message);
        Assert.Contains("a test file may be at most 1 KiB", ex.Message);
    }

    [Fact]
    public void A_file_at_its_cap_is_read_whole()
    {
        var file = _dir.File("ok.json");
        var bytes = Enumerable.Range(0, 1024).Select(i => (byte)i).ToArray();
        File.WriteAllBytes(file, bytes);

        Assert.Equal(bytes, InputFile.ReadAllBytes(file, Small));
    }

    [Fact]
    public void Kinds_are_told_apart()
    {
        Assert.Equal(FileKind.Missing, FileKinds.Of(_dir.File("none")).Kind);
        Assert.Equal(FileKind.Directory, FileKinds.Of(_dir.Path).Kind);
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/zero").Kind);
        var file = _dir.File("f");
        File.WriteAllText(file, "12345");
        Assert.Equal((FileKind.Regular, 5L), FileKinds.Of(file));
    }
}
