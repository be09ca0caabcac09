using OobWizard.Core.Files;
using OobWizard.Core.Tests.Support;
using OobWizard.Tests.Shared;

namespace OobWizard.Core.Tests.Files;

/// <summary>Writes are whole or not at all, never over a file nobody asked to replace.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_folder_that_does_not_exist_is_a_refusal_naming_it_and_is_not_made()
    {
        var folder = _dir.File("nodir");
        var file = Path.Combine(folder, "x.md");

        var ex = Assert.Throws<FileWriteRefusedException>(() => AtomicFile.WriteAllText(file, "new", ExistingFile.Replace));

        Assert.Equal(WriteRefusal.NoFolder, ex.Reason);
        Assert.Equal(folder, ex.Args[0]);
        Assert.DoesNotContain(".tmp", ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void An_existing_file_is_not_overwritten_unless_replacing_was_asked()
    {
        var file = _dir.File("out.md");
        File.WriteAllText(file, "keep me");

        var ex = Assert.Throws<FileWriteRefusedException>(() => AtomicFile.WriteAllText(file, "new", ExistingFile.Refuse));

        Assert.Equal(WriteRefusal.Exists, ex.Reason);
        Assert.Equal("keep me", File.ReadAllText(file));
        Assert.Equal(["out.md"], Entries());

        AtomicFile.WriteAllText(file, "new", ExistingFile.Replace);
        Assert.Equal("new", File.ReadAllText(file));
    }

    [Fact]
    public void A_read_only_file_is_never_replaced_even_when_the_writer_could()
    {
        var file = _dir.File("s.json");
        File.WriteAllText(file, "saved");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var ex = Assert.Throws<FileWriteRefusedException>(() => AtomicFile.WriteAllText(file, "new", ExistingFile.Replace));

        Assert.Equal(WriteRefusal.ReadOnly, ex.Reason);
        Assert.Contains("0444", ex.Message);
        Assert.Equal("saved", File.ReadAllText(file));
    }

    [Fact]
    public void A_replaced_file_keeps_its_permission_bits()
    {
        var file = _dir.File("s.json");
        File.WriteAllText(file, "old");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        AtomicFile.WriteAllText(file, "new", ExistingFile.Replace);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public void A_symbolic_link_stays_a_link_and_its_target_is_replaced()
    {
        var real = _dir.File("real.json");
        File.WriteAllText(real, "old");
        var link = _dir.File("latest.json");
        File.CreateSymbolicLink(link, real);

        AtomicFile.WriteAllText(link, "new", ExistingFile.Replace);

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(real));
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("folder")]
    [InlineData("device")]
    public void A_special_file_is_not_a_target_even_with_replace(string kind)
    {
        var path = kind switch
        {
            "fifo" => SpecialFiles.Fifo(_dir.File("pipe")),
            "device" => SpecialFiles.LinkToDevZero(_dir.File("zero")),
            _ => Directory.CreateDirectory(_dir.File("sub")).FullName,
        };

        var ex = Assert.Throws<FileWriteRefusedException>(() => AtomicFile.WriteAllText(path, "x", ExistingFile.Replace));

        Assert.Equal(WriteRefusal.NotRegular, ex.Reason);
    }

    [Fact]
    public void Leftover_temp_files_of_a_dead_process_are_removed_by_the_next_save()
    {
        var file = _dir.File("s.json");
        File.WriteAllText(file, "saved");
        var dead = AtomicFile.TempPath(_dir.Path, "s.json", DeadPid());
        var mine = AtomicFile.TempPath(_dir.Path, "s.json", Environment.ProcessId);
        var alive = AtomicFile.TempPath(_dir.Path, "s.json", 1); // init always runs: its save may be in flight
        var other = AtomicFile.TempPath(_dir.Path, "other.json", DeadPid());
        foreach (var f in new[] { dead, mine, alive, other })
        {
            File.WriteAllText(f, "half a sess");
        }

        AtomicFile.WriteAllText(file, "new", ExistingFile.Replace);

        Assert.False(File.Exists(dead));
        Assert.False(File.Exists(mine));
        Assert.True(File.Exists(alive));
        Assert.True(File.Exists(other)); // another file's leftovers wait for that file's next save
        Assert.Equal("new", File.ReadAllText(file));
    }

    [SkippableFact]
    public void On_a_full_disk_the_write_fails_the_old_file_stays_whole_and_no_temp_file_is_left()
    {
        using var disk = ScratchMount.TryCreate(64, out var whyNot);
        Skip.If(disk is null, whyNot);
        var file = Path.Combine(disk!.Path, "s.json");
        AtomicFile.WriteAllText(file, "the previous session", ExistingFile.Replace);
        disk.Fill();

        var ex = Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(file, new string('x', 100_000), ExistingFile.Replace));

        Assert.IsNotType<FileWriteRefusedException>(ex);
        Assert.Equal("the previous session", File.ReadAllText(file));
        Assert.DoesNotContain(Directory.GetFiles(disk.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void On_a_read_only_file_system_the_write_fails_and_the_old_file_stays_whole()
    {
        using var disk = ScratchMount.TryCreate(64, out var whyNot);
        Skip.If(disk is null, whyNot);
        var file = Path.Combine(disk!.Path, "s.json");
        AtomicFile.WriteAllText(file, "the previous session", ExistingFile.Replace);
        disk.MakeReadOnly();

        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(file, "new", ExistingFile.Replace));

        Assert.Equal("the previous session", File.ReadAllText(file));
    }

    private string[] Entries() => Directory.GetFileSystemEntries(_dir.Path).Select(p => Path.GetFileName(p)!).Order().ToArray();

    private static int DeadPid()
    {
        // A PID above the kernel's pid_max range of live processes here: no process has it.
        var pid = 4_000_000;
        while (Directory.Exists($"/proc/{pid}"))
        {
            pid++;
        }

        return pid;
    }
}
