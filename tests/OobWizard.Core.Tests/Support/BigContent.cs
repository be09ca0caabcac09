using System.Text;

namespace OobWizard.Core.Tests.Support;

/// <summary>Tree files far larger than anyone should write, for lint's scaling (a copy lives in tests/Benchmarks).</summary>
public static class BigContent
{
    /// <summary>sym.big, a question with <paramref name="choices"/> answers, all to end.escalate. The list of choices starts on line 4.</summary>
    public static string OneNode(int choices)
    {
        var sb = new StringBuilder("- id: sym.big\n  kind: question\n  choices:\n");
        for (var i = 0; i < choices; i++)
        {
            sb.Append("    - id: c").Append(i).Append("\n      next: end.escalate\n");
        }

        return sb.ToString();
    }

    /// <summary>sym.big, then a chain q.0 ... q.(n-1), each with <paramref name="choices"/> answers: the first leads on, the rest to end.escalate.</summary>
    public static string ManyNodes(int nodes, int choices) => Chain(0, nodes, nodes, choices);

    /// <summary>
    /// Nodes q.<paramref name="first"/> to q.(first+count-1) of a chain of <paramref name="total"/> (sym.big leads to q.0,
    /// written with the first part), so a chain too big for one tree file can be split over several.
    /// </summary>
    public static string Chain(int first, int count, int total, int choices)
    {
        var sb = new StringBuilder(first == 0 ? "- id: sym.big\n  kind: question\n  choices:\n    - id: go\n      next: q.0\n" : "");
        for (var n = first; n < first + count; n++)
        {
            sb.Append("\n- id: q.").Append(n).Append("\n  kind: question\n  choices:\n");
            sb.Append("    - id: c0\n      next: ").Append(n + 1 < total ? "q." + (n + 1) : "end.resolved").Append('\n');
            for (var i = 1; i < choices; i++)
            {
                sb.Append("    - id: c").Append(i).Append("\n      next: end.escalate\n");
            }
        }

        return sb.ToString();
    }
}
