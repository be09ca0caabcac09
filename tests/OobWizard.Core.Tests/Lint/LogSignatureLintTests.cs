using OobWizard.Core.Content;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Lint;

/// <summary>
/// The log-signature rules: a message several causes share is written once, on the question that
/// separates them (candidates:), never on two diagnoses; a bare error code needs its context.
/// </summary>
public sealed class LogSignatureLintTests : IDisposable
{
    private const string TwoDiagnoses = """
        - id: sym.broken
          kind: question
          choices:
            - id: yes
              next: diag.one
            - id: no
              next: diag.two

        - id: diag.one
          kind: diagnosis
          logs:
            - file: Amtopmgr.log
              text: "Error: Device internal error."
          unresolved: end.escalate

        - id: diag.two
          kind: diagnosis
          logs:
            - file: amtopmgr.log
              text: "error:  device internal ERROR."
          unresolved: end.escalate
        """;

    private readonly ContentFixture _content = new();

    public LogSignatureLintTests()
    {
        foreach (var lang in ContentFixture.AllLanguages)
        {
            _content.Write($"{lang}/diag.two.md", ContentFixture.DiagnosisMd);
        }
    }

    public void Dispose() => _content.Dispose();

    [Fact]
    public void The_same_message_on_two_diagnoses_is_an_error_that_points_at_candidates()
    {
        _content.Write("tree/10-sub.yaml", TwoDiagnoses);

        var issues = _content.Lint();

        var issue = IssueAssert.HasError(issues, "tree/10-sub.yaml", 16, "also a signature of diag.one");
        Assert.Contains("candidates:", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shared_message_on_the_separating_question_with_its_candidates_is_fine()
    {
        _content.Write("tree/10-sub.yaml", """
            - id: sym.broken
              kind: question
              logs:
                - file: Amtopmgr.log
                  text: "Error: Device internal error."
              candidates: [diag.one, diag.two]
              choices:
                - id: yes
                  next: diag.one
                - id: no
                  next: diag.two

            - id: diag.one
              kind: diagnosis
              unresolved: end.escalate

            - id: diag.two
              kind: diagnosis
              unresolved: end.escalate
            """);

        IssueAssert.NoErrors(_content.Lint());
    }

    [Fact]
    public void A_candidate_the_question_cannot_reach_or_that_is_no_diagnosis_is_an_error()
    {
        _content.Write("tree/10-sub.yaml", """
            - id: sym.broken
              kind: question
              logs:
                - file: Amtopmgr.log
                  text: "Error: Device internal error."
              candidates: [diag.one, diag.two, end.escalate]
              choices:
                - id: yes
                  next: diag.one
                - id: no
                  next: end.escalate

            - id: diag.one
              kind: diagnosis
              unresolved: diag.two

            - id: diag.two
              kind: diagnosis
              unresolved: end.escalate
            """);

        var issues = _content.Lint();

        // diag.two is only behind diag.one's "not fixed": that is no way to tell the causes apart.
        IssueAssert.HasError(issues, "tree/10-sub.yaml", 1, "candidate 'diag.two' cannot be reached");
        IssueAssert.HasError(issues, "tree/10-sub.yaml", 1, "candidate 'end.escalate' is not a diagnosis");
    }

    [Fact]
    public void Logs_on_a_question_without_candidates_is_an_error()
    {
        _content.Write("tree/10-sub.yaml", ContentFixture.SubtreeYaml.Replace(
            "  kind: question\n",
            "  kind: question\n  logs:\n    - file: Amtopmgr.log\n      text: \"Error: x\"\n",
            StringComparison.Ordinal));

        IssueAssert.HasError(_content.Lint(), "tree/10-sub.yaml", 1, "'logs' with 'candidates'");
    }

    [Theory]
    [InlineData("0x80004005")]
    [InlineData("0X80072EE9")]
    public void A_bare_error_code_without_with_is_an_error(string code)
    {
        _content.Write("tree/10-sub.yaml", ContentFixture.SubtreeYaml.Replace(
            "  kind: diagnosis\n",
            $"  kind: diagnosis\n  logs:\n    - file: Oobconsole.log\n      text: \"{code}\"\n",
            StringComparison.Ordinal));

        IssueAssert.HasError(_content.Lint(), "tree/10-sub.yaml", 9, "give 'with:' the context");
    }

    [Fact]
    public void A_bare_error_code_with_its_context_is_fine_and_with_is_read()
    {
        _content.Write("tree/10-sub.yaml", ContentFixture.SubtreeYaml.Replace(
            "  kind: diagnosis\n",
            "  kind: diagnosis\n  logs:\n    - file: Oobconsole.log\n      text: \"0x80004005\"\n      with: [\"IMR_SOLOpenTCPSession\"]\n      supporting: false\n",
            StringComparison.Ordinal));

        IssueAssert.NoErrors(_content.Lint());
        var signature = Assert.Single(ContentLoader.Load(_content.Root).Tree["diag.one"].Logs);
        Assert.Equal(["IMR_SOLOpenTCPSession"], signature.With);
    }

    [Theory]
    [InlineData("file: Amtopmgr.txt", "must name a log")]
    [InlineData("file: \"*\"\n      color: red", "unknown key 'color'")]
    [InlineData("file: \"*\"\n      supporting: maybe", "'supporting' must be true or false")]
    public void A_malformed_signature_is_an_error_naming_it(string fileLine, string fragment)
    {
        _content.Write("tree/10-sub.yaml", ContentFixture.SubtreeYaml.Replace(
            "  kind: diagnosis\n",
            $"  kind: diagnosis\n  logs:\n    - {fileLine}\n      text: \"Error: something specific\"\n",
            StringComparison.Ordinal));

        Assert.Contains(_content.Lint(), i => i.Severity == IssueSeverity.Error && i.Message.Contains(fragment, StringComparison.Ordinal));
    }
}
