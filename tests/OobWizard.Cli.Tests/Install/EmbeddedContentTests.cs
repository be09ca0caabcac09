using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Content;
using OobWizard.Core.Files;
using OobWizard.Core.Lint;

namespace OobWizard.Cli.Tests.Install;

/// <summary>The content built into the executable is the content folder, read by the same loader under the same caps.</summary>
public sealed class EmbeddedContentTests
{
    [Fact]
    public void EmbeddedFiles_AreTheContentFolder_ByteForByte()
    {
        var onDisk = Directory.GetFiles(Repo.Content, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repo.Content, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f != "README.md")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(onDisk, EmbeddedContent.Source.AllFiles);
        foreach (var file in onDisk)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(Repo.Content, file)).AsSpan().SequenceEqual(EmbeddedContent.Source.ReadAllBytes(file, ContentLimits.TreeFile)), file);
        }
    }

    [Fact]
    public void EmbeddedContent_LoadsLikeTheFolder_AndLintsClean()
    {
        var embedded = ContentLoader.Load(EmbeddedContent.Source);
        var folder = ContentLoader.Load(Repo.Content);

        Assert.Equal(folder.Tree.Nodes.Select(n => n.Id), embedded.Tree.Nodes.Select(n => n.Id));
        foreach (var lang in Languages.All)
        {
            Assert.Equal(folder.Texts[lang].Keys.Order(), embedded.Texts[lang].Keys.Order());
            Assert.Equal(folder.UiStrings[lang], embedded.UiStrings[lang]);
        }

        Assert.DoesNotContain(ContentLinter.Lint(embedded, ProbeCatalog.Verdicts()), i => i.Severity == IssueSeverity.Error);
    }

    [Fact]
    public void EmbeddedReads_KeepTheCaps_AndNameTheFile()
    {
        var tiny = new ReadLimit("content page", 16);

        var ex = Assert.Throws<InputFileException>(() => EmbeddedContent.Source.ReadAllText("tree/00-start.yaml", tiny));

        Assert.Contains("<embedded>/tree/00-start.yaml", ex.Message);
        Assert.Contains("at most 16 B", ex.Message);
    }

    [Fact]
    public void EmbeddedSource_ListsOnlyTheFolderAsked()
    {
        var en = EmbeddedContent.Source.Files("en", ".md");

        Assert.NotEmpty(en);
        Assert.All(en, f => Assert.Matches("^en/[^/]+\\.md$", f));
        Assert.True(EmbeddedContent.Source.Exists("en/ui.yaml"));
        Assert.False(EmbeddedContent.Source.Exists("README.md"));
    }
}
