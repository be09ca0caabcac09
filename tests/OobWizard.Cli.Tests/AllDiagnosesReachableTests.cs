using System.Text.Json;
using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Content;
using OobWizard.Core.Tree;

namespace OobWizard.Cli.Tests;

/// <summary>
/// Every diagnosis can be reached offline in every language: a path is found in
/// `graph --format json`, its choice ids are piped into `--plain --offline`, and the saved session
/// must end at that diagnosis.
/// </summary>
public sealed class AllDiagnosesReachableTests
{
    private static readonly Lazy<(ContentSet Content, List<(string From, string To, string Trigger)> Edges)> Graph = new(() =>
    {
        using var run = new CliRun();
        run.Run("", "graph", "--format", "json");
        using var doc = JsonDocument.Parse(run.Out);
        var edges = doc.RootElement.GetProperty("edges").EnumerateArray()
            .Select(e => (e.GetProperty("from").GetString()!, e.GetProperty("to").GetString()!, e.GetProperty("trigger").GetString()!))
            .ToList();
        return (ContentLoader.Load(Repo.Content), edges);
    });

    public static TheoryData<string, string> DiagnosesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var node in ContentLoader.Load(Repo.Content).Tree.Nodes.Where(n => n.Kind == NodeKind.Diagnosis).OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            foreach (var lang in Languages.All)
            {
                data.Add(node.Id, lang);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DiagnosesAndLanguages))]
    public void EveryDiagnosis_IsReachableOffline(string diagnosis, string lang)
    {
        var answers = FindAnswers(diagnosis);
        Assert.True(answers is not null, $"no offline path from start to {diagnosis}");

        using var run = new CliRun();
        run.Run(string.Join("\n", answers) + "\n", "--plain", "--offline", "--lang", lang);

        Assert.Equal(0, run.Exit);
        Assert.Equal(diagnosis, run.LoadSession().State.Current);
        // Long titles wrap; compare without whitespace (Japanese wraps between characters).
        Assert.Contains(NoSpace(Graph.Value.Content.Text(lang, diagnosis).Title), NoSpace(run.Out));
    }

    [Fact]
    public void TheCatalogsThirtyFourDiagnoses_AreAllInTheTree_AndTheFieldCausesBesideThem()
    {
        var ids = Graph.Value.Content.Tree.Nodes.Where(n => n.Kind == NodeKind.Diagnosis).Select(n => n.Id).ToHashSet();
        Assert.Equal(43, ids.Count);
        Assert.Equal(25, ids.Count(i => i.StartsWith("prov.", StringComparison.Ordinal)));
        Assert.Equal(18, ids.Count(i => i.StartsWith("console.", StringComparison.Ordinal)));
    }

    private static string NoSpace(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>
    /// Breadth-first over (node, answers given so far that some guard looks at), following only
    /// choice edges (the offline walk), honouring guards.
    /// </summary>
    private static List<string>? FindAnswers(string target)
    {
        var (content, edges) = Graph.Value;
        var tree = content.Tree;
        var guardKeys = tree.Nodes.SelectMany(n => n.Choices).SelectMany(c => c.Requires).Select(r => r.Split('=')[0]).ToHashSet();
        var byFrom = edges.Where(e => e.Trigger.StartsWith("choice:", StringComparison.Ordinal)).ToLookup(e => e.From);
        var start = (Node: Node.StartId, Answers: "");
        var previous = new Dictionary<(string Node, string Answers), ((string, string) From, string Choice)>();
        var queue = new Queue<(string Node, string Answers)>([start]);
        var seen = new HashSet<(string, string)> { start };
        while (queue.TryDequeue(out var state))
        {
            if (state.Node == target)
            {
                var answers = new List<string>();
                for (var s = state; s != start; s = previous[s].From)
                {
                    answers.Insert(0, previous[s].Choice);
                }

                return answers;
            }

            var given = state.Answers.Split(';', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            foreach (var e in byFrom[state.Node])
            {
                var choiceId = e.Trigger["choice:".Length..];
                var choice = tree[e.From].FindChoice(choiceId)!;
                if (!choice.Requires.All(given.Contains))
                {
                    continue;
                }

                var answers = guardKeys.Contains(e.From)
                    ? string.Join(';', given.Where(g => !g.StartsWith(e.From + "=", StringComparison.Ordinal)).Append(e.From + "=" + choiceId).Order(StringComparer.Ordinal))
                    : state.Answers;
                var next = (e.To, answers);
                if (seen.Add(next))
                {
                    previous[next] = (state, choiceId);
                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }
}
