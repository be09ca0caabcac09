using OobWizard.Core.Sessions;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Sessions;

public sealed class SessionFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FixedClock _clock = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Saving_leaves_no_temporary_file_beside_the_target()
    {
        var file = _dir.File("s.json");

        SessionStore.Save(file, SampleSessions.Busy(_clock));
        SessionStore.Save(file, SampleSessions.Busy(_clock));

        Assert.Equal(["s.json"], Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Saving_over_an_existing_session_replaces_the_file_whole()
    {
        var file = _dir.File("s.json");
        var big = SampleSessions.Busy(_clock);
        for (var i = 0; i < 50; i++)
        {
            big.Record("padding event " + i, _clock);
        }

        SessionStore.Save(file, big);
        var bigLength = new FileInfo(file).Length;
        var small = Session.New(_clock, "en", null, offline: false);

        SessionStore.Save(file, small);

        Assert.True(new FileInfo(file).Length < bigLength);
        var loaded = SessionStore.Load(file);
        Assert.Equal(small.Id, loaded.Id);
        Assert.Single(loaded.History);
        Assert.Empty(loaded.Evidence);
    }

    [Fact]
    public void Saving_creates_the_folder_when_it_does_not_exist()
    {
        var file = Path.Combine(_dir.Path, "a", "b", "s.json");

        SessionStore.Save(file, Session.New(_clock, "en", null, offline: false));

        Assert.Equal(SessionFileState.Session, SessionStore.Inspect(file));
    }

    [Fact]
    public void Loading_broken_json_throws_a_session_exception_naming_the_file_and_line()
    {
        var file = _dir.File("broken.json");
        File.WriteAllText(file, "{\n  \"format\": \"oobwizard-session\",\n  \"id\": oops\n}\n");

        var ex = Assert.Throws<SessionException>(() => SessionStore.Load(file));

        Assert.Contains(file + ":3", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Loading_a_truncated_session_throws_a_session_exception()
    {
        var file = _dir.File("s.json");
        SessionStore.Save(file, SampleSessions.Busy(_clock));
        var text = File.ReadAllText(file);
        File.WriteAllText(file, text[..(text.Length / 2)]);

        var ex = Assert.Throws<SessionException>(() => SessionStore.Load(file));

        Assert.Contains(file, ex.Message);
    }

    [Theory]
    [InlineData("{\"a\":1}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"oobwizard-session\"")]
    [InlineData("null")]
    [InlineData("{\"format\":\"something-else\",\"current\":\"start\"}")]
    public void Loading_valid_json_that_is_not_a_session_throws_and_leaves_the_file_untouched(string json)
    {
        var file = _dir.File("other.json");
        File.WriteAllText(file, json);
        var before = File.ReadAllBytes(file);

        var ex = Assert.Throws<SessionException>(() => SessionStore.Load(file));

        Assert.Contains(file, ex.Message);
        Assert.Equal(before, File.ReadAllBytes(file));
    }

    [Theory]
    [InlineData("{\"format\":\"oobwizard-session\"}")]
    [InlineData("{\"format\":\"oobwizard-session\",\"version\":1,\"id\":\"x\",\"created\":\"2026-11-22T09:30:00+01:00\",\"updated\":\"2026-11-22T09:30:00+01:00\",\"language\":\"en\",\"current\":\"start\",\"steps\":[{\"from\":\"start\",\"trigger\":\"teleport\",\"to\":\"x\"}]}")]
    [InlineData("{\"format\":\"oobwizard-session\",\"version\":1,\"id\":\"x\",\"created\":\"2026-11-22T09:30:00+01:00\",\"updated\":\"2026-11-22T09:30:00+01:00\",\"language\":\"en\",\"current\":\"start\",\"steps\":[{\"from\":\"start\",\"trigger\":\"choice:a\",\"to\":\"sym.a\"}]}")]
    [InlineData("{\"format\":\"oobwizard-session\",\"version\":1,\"id\":42,\"created\":\"yesterday\",\"updated\":\"2026-11-22T09:30:00+01:00\",\"language\":\"en\",\"current\":\"start\"}")]
    [InlineData("{\"format\":\"oobwizard-session\",\"version\":1,\"id\":\"x\",\"created\":\"2026-11-22T09:30:00+01:00\",\"updated\":\"2026-11-22T09:30:00+01:00\",\"language\":\"en\",\"current\":\"start\",\"steps\":[null]}")]
    [InlineData("{\"format\":\"oobwizard-session\",\"version\":1,\"id\":\"x\",\"created\":\"2026-11-22T09:30:00+01:00\",\"updated\":\"2026-11-22T09:30:00+01:00\",\"language\":\"en\",\"current\":\"start\",\"evidence\":{\"not\":\"a list\"}}")]
    [InlineData("{\"format\":\"oobwizard-session\",\"version\":1,\"id\":\"x\",\"created\":\"2026-11-22T09:30:00+01:00\",\"updated\":\"2026-11-22T09:30:00+01:00\",\"language\":\"en\",\"current\":\"d.one\",\"steps\":[{\"from\":\"start\",\"trigger\":\"choice:a\",\"to\":\"sym.a\"},{\"from\":\"shared\",\"trigger\":\"choice:go\",\"to\":\"d.one\"}]}")]
    public void Loading_a_damaged_session_throws_a_session_exception_and_leaves_the_file_untouched(string json)
    {
        var file = _dir.File("damaged.json");
        File.WriteAllText(file, json);
        var before = File.ReadAllBytes(file);

        var ex = Assert.Throws<SessionException>(() => SessionStore.Load(file));

        Assert.Contains(file, ex.Message);
        Assert.Equal(before, File.ReadAllBytes(file));
    }

    [Fact]
    public void Loading_a_session_from_a_newer_version_says_to_update()
    {
        var file = _dir.File("future.json");
        File.WriteAllText(file, "{\"format\":\"oobwizard-session\",\"version\":99}");

        var ex = Assert.Throws<SessionException>(() => SessionStore.Load(file));

        Assert.Contains("newer", ex.Message);
    }

    [Fact]
    public void Loading_a_missing_file_throws_a_session_exception()
    {
        Assert.Throws<SessionException>(() => SessionStore.Load(_dir.File("nope.json")));
    }

    [Fact]
    public void Inspect_tells_missing_session_and_foreign_files_apart()
    {
        var session = _dir.File("s.json");
        var foreign = _dir.File("f.json");
        var broken = _dir.File("b.json");
        SessionStore.Save(session, SampleSessions.Busy(_clock));
        File.WriteAllText(foreign, "{\"a\":1}");
        File.WriteAllText(broken, "{ not json");

        Assert.Equal(SessionFileState.Missing, SessionStore.Inspect(_dir.File("none.json")));
        Assert.Equal(SessionFileState.Session, SessionStore.Inspect(session));
        Assert.Equal(SessionFileState.Foreign, SessionStore.Inspect(foreign));
        Assert.Equal(SessionFileState.Foreign, SessionStore.Inspect(broken));
    }
}
