using OobWizard.Probes.Dns;
using OobWizard.Probes.Host;
using Xunit;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>The dns.* and host.* probes return exactly the verdicts content/README.md lists for them.</summary>
public sealed class ContentVerdictTests
{
    [Fact]
    public void Verdicts_MatchTheContentReadmeTable()
    {
        var readme = FindContentReadme();
        var table = File.ReadAllLines(readme)
            .Where(l => l.StartsWith("| dns.", StringComparison.Ordinal) || l.StartsWith("| host.", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(
                cells => cells[1],
                cells => string.Join(",", System.Text.RegularExpressions.Regex.Matches(cells[2], "`([a-z0-9-]+)`").Select(m => m.Groups[1].Value)));
        var probes = DnsProbes.All().Concat(HostProbes.All()).ToDictionary(p => p.Id, p => string.Join(",", p.Verdicts));

        Assert.Equal(table.OrderBy(kv => kv.Key, StringComparer.Ordinal), probes.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    private static string FindContentReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content", "README.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("content/README.md not found above " + AppContext.BaseDirectory);
    }
}
