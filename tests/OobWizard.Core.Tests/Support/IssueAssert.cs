using OobWizard.Core.Content;

namespace OobWizard.Core.Tests.Support;

/// <summary>Assertions on lint results that print every issue when they fail.</summary>
public static class IssueAssert
{
    /// <summary>Asserts an issue of the severity at file:line (file matched by its ending, '/'-separated) whose message contains the fragment.</summary>
    public static ContentIssue Has(IReadOnlyList<ContentIssue> issues, IssueSeverity severity, string fileEnding, int line, string fragment)
    {
        var match = issues.FirstOrDefault(i => i.Severity == severity
            && Normalise(i.Where.File).EndsWith(fileEnding, StringComparison.Ordinal)
            && i.Where.Line == line
            && i.Message.Contains(fragment, StringComparison.Ordinal));
        Assert.True(match is not null, $"expected {severity} at ...{fileEnding}:{line} containing \"{fragment}\"; got:\n{Describe(issues)}");
        return match!;
    }

    public static ContentIssue HasError(IReadOnlyList<ContentIssue> issues, string fileEnding, int line, string fragment) =>
        Has(issues, IssueSeverity.Error, fileEnding, line, fragment);

    public static void NoErrors(IReadOnlyList<ContentIssue> issues)
    {
        var errors = issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"expected no errors; got:\n{Describe(errors)}");
    }

    public static string Describe(IEnumerable<ContentIssue> issues) => string.Join("\n", issues.Select(i => "  " + i));

    public static string Normalise(string file) => file.Replace('\\', '/');
}
