using OobWizard.Core.Content;
using OobWizard.Core.Lint;

namespace OobWizard.Core.Tests.Support;

/// <summary>
/// A throw-away content directory (tree/*.yaml, en|de|ja/*.md, ui.yaml) in the temp folder.
/// Starts with a valid minimal content; tests overwrite or delete single files to break it.
/// </summary>
public sealed class ContentFixture : IDisposable
{
    public static readonly string[] AllLanguages = ["en", "de", "ja"];

    public const string StartYaml = """
        - id: start
          kind: start
          choices:
            - id: broken
              next: sym.broken

        - id: end.resolved
          kind: end

        - id: end.escalate
          kind: end
        """;

    // Line numbers matter: sym.broken is on line 1, its choice "yes" on line 4, diag.one on line 9.
    public const string SubtreeYaml = """
        - id: sym.broken
          kind: question
          choices:
            - id: yes
              next: diag.one
            - id: no
              next: end.escalate

        - id: diag.one
          kind: diagnosis
          unresolved: end.escalate
        """;

    public const string DiagnosisMd = """
        ---
        title: The one diagnosis
        verify: Does it work now?
        ---
        ## Cause {#cause}
        Something.

        ## Fix {#fix}
        1. Do it.
        """;

    public ContentFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "oobwizard-content-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Write("tree/00-start.yaml", StartYaml);
        Write("tree/10-sub.yaml", SubtreeYaml);
        foreach (var lang in AllLanguages)
        {
            Text(lang, "start", "title: Symptom\nchoices:\n  broken: It is broken", "Pick one.");
            Text(lang, "end.resolved", "title: Resolved", "");
            Text(lang, "end.escalate", "title: Escalate", "");
            Text(lang, "sym.broken", "title: Is it broken?\nchoices:\n  yes: Yes\n  no: No", "Look at it.");
            Write($"{lang}/diag.one.md", DiagnosisMd);
            Write($"{lang}/ui.yaml", "choice.fixed: Fixed\nchoice.not-fixed: Not fixed\n");
        }
    }

    public string Root { get; }

    /// <summary>Writes a file below the root (relative path with '/'), replacing any file there.</summary>
    public string Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n"));
        return path;
    }

    /// <summary>Writes &lt;lang&gt;/&lt;id&gt;.md from front matter lines and a body.</summary>
    public void Text(string lang, string id, string frontMatter, string body) =>
        Write($"{lang}/{id}.md", $"---\n{frontMatter}\n---\n{body}\n");

    /// <summary>Writes the same text in every language.</summary>
    public void TextAll(string id, string frontMatter, string body)
    {
        foreach (var lang in AllLanguages)
        {
            Text(lang, id, frontMatter, body);
        }
    }

    public void Delete(string relative) => File.Delete(Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar)));

    public IReadOnlyList<ContentIssue> Lint(IReadOnlyDictionary<string, IReadOnlyList<string>>? knownProbes = null) =>
        ContentLinter.Lint(ContentLoader.Load(Root), knownProbes);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
