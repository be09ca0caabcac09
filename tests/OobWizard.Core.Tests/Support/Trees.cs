using OobWizard.Core.Content;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Tests.Support;

/// <summary>Small trees for engine and export tests, read through the real loader.</summary>
public static class Trees
{
    /// <summary>
    /// Two symptoms: sym.a (a question) and sym.b (a probe). Both lead to the shared node
    /// "shared", whose choice "special" is guarded by the answer sym.a=yes.
    /// </summary>
    public const string SmallYaml = """
        - id: start
          kind: start
          choices:
            - id: a
              next: sym.a
            - id: b
              next: sym.b

        - id: sym.a
          kind: question
          choices:
            - id: yes
              next: shared
            - id: no
              next: d.one

        - id: sym.b
          kind: probe
          probe: amt.reachable
          verdicts:
            pass: shared
            closed: d.two
          choices:
            - id: answers
              next: shared
            - id: no-answer
              next: d.two

        - id: shared
          kind: question
          choices:
            - id: go
              next: d.one
            - id: special
              next: d.two
              requires: [sym.a=yes]

        - id: d.one
          kind: diagnosis
          unresolved: d.two

        - id: d.two
          kind: diagnosis
          unresolved: end.escalate

        - id: end.resolved
          kind: end

        - id: end.escalate
          kind: end
        """;

    public static DecisionTree Small() => Load(SmallYaml);

    /// <summary>Loads a tree from YAML and fails the test if the loader reports anything.</summary>
    public static DecisionTree Load(string yaml)
    {
        var issues = new List<ContentIssue>();
        var nodes = TreeLoader.LoadFile("test.yaml", yaml, issues);
        Assert.Empty(issues);
        return new DecisionTree(nodes);
    }
}
