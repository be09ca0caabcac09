using OobWizard.Core.Sessions;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Sessions;

/// <summary>Files that are JSON but not ours: Load refuses them with a SessionException, Inspect calls them foreign.</summary>
public sealed class SessionForeignFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("{\"format\":1}")]
    [InlineData("{\"format\":{\"name\":\"oobwizard-session\"}}")]
    [InlineData("{\"format\":[\"oobwizard-session\"]}")]
    [InlineData("{\"format\":null}")]
    [InlineData("{\"format\":\"oobwizard-session\",\"format\":\"other\"}")]
    public void A_json_file_whose_format_is_not_our_string_is_refused_and_left_untouched(string json)
    {
        var file = _dir.File("other.json");
        File.WriteAllText(file, json);
        var before = File.ReadAllBytes(file);

        var ex = Assert.Throws<SessionException>(() => SessionStore.Load(file));

        Assert.Contains(file, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Equal(before, File.ReadAllBytes(file));
    }

    [Theory]
    [InlineData("{\"format\":1}")]
    [InlineData("{\"format\":{\"name\":\"oobwizard-session\"}}")]
    [InlineData("{\"format\":\"oobwizard-session\",\"format\":\"other\"}")]
    public void Inspect_calls_a_json_file_with_a_non_string_format_foreign(string json)
    {
        var file = _dir.File("other.json");
        File.WriteAllText(file, json);

        Assert.Equal(SessionFileState.Foreign, SessionStore.Inspect(file));
    }
}
