using OobWizard.Core.Sessions;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Sessions;

/// <summary>The lock file that keeps two windows from overwriting one session (problem 7).</summary>
public sealed class SessionLockTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static SessionLockHolder Holder(string host, int pid) => SessionLockHolder.ThisProcess(host, pid, Now);

    [Fact]
    public void TheFirstOpener_GetsTheLock_AndTheSecondLearnsWhoHoldsIt()
    {
        var session = _dir.File("s.json");
        using var first = SessionLock.TryAcquire(session, Holder("pc1", 100), _ => true, out var none);
        Assert.NotNull(first);
        Assert.Null(none);

        var second = SessionLock.TryAcquire(session, Holder("pc1", 200), _ => true, out var heldBy);

        Assert.Null(second);
        Assert.Equal(100, heldBy!.Pid);
        Assert.Equal("pc1", heldBy.Host);
        Assert.Contains("PID 100 on pc1", heldBy.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void ALockLeftByADeadProcessOnThisHost_IsReplaced()
    {
        var session = _dir.File("s.json");
        File.WriteAllText(SessionLock.PathFor(session), Holder("pc1", 100).ToText());

        using var mine = SessionLock.TryAcquire(session, Holder("pc1", 200), pid => pid != 100, out var heldBy);

        Assert.NotNull(mine);
        Assert.Null(heldBy);
        Assert.Equal(200, SessionLock.Read(SessionLock.PathFor(session))!.Pid);
    }

    [Fact]
    public void ALockFromAnotherHost_IsNeverJudgedStale()
    {
        var session = _dir.File("s.json");
        File.WriteAllText(SessionLock.PathFor(session), Holder("pc2", 100).ToText());

        Assert.Null(SessionLock.TryAcquire(session, Holder("pc1", 200), _ => false, out var heldBy));
        Assert.Equal("pc2", heldBy!.Host);
    }

    [Fact]
    public void TakingOver_TellsTheFormerHolder_WhichThenNeverRemovesTheNewLock()
    {
        var session = _dir.File("s.json");
        var first = SessionLock.TryAcquire(session, Holder("pc1", 100), _ => true, out _)!;

        using var second = SessionLock.TakeOver(session, Holder("pc1", 200));

        Assert.False(first.StillHeld(out var now));
        Assert.Equal(200, now!.Pid);
        first.Dispose();
        Assert.True(File.Exists(SessionLock.PathFor(session)));
        Assert.True(second.StillHeld(out _));
    }

    [Fact]
    public void Releasing_RemovesTheLockFile_AndLeavesNoTemporaryFile()
    {
        var session = _dir.File("s.json");
        SessionLock.TryAcquire(session, Holder("pc1", 100), _ => true, out _)!.Dispose();

        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public void AForeignOrEmptyLockFile_IsStale()
    {
        var session = _dir.File("s.json");
        File.WriteAllText(SessionLock.PathFor(session), "");

        using var mine = SessionLock.TryAcquire(session, Holder("pc1", 200), _ => true, out _);

        Assert.NotNull(mine);
    }

    [Theory]
    [InlineData("pid=12\nhost=pc\ntoken=abc\n", true)]
    [InlineData("pid=x\nhost=pc\ntoken=abc\n", false)]
    [InlineData("host=pc\ntoken=abc\n", false)]
    [InlineData("{}", false)]
    public void TheHolder_ReadsBackWhatItWrote_AndNothingElse(string text, bool parses)
    {
        Assert.Equal(parses, SessionLockHolder.Parse(text) is not null);
        var h = Holder("pc9", 42);
        Assert.Equal(h, SessionLockHolder.Parse(h.ToText()));
    }
}
