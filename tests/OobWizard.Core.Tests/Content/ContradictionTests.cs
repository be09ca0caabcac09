using OobWizard.Core.Content;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Content;

/// <summary>
/// An answer (or a probe's verdict) that rules a cause out never leads to that cause later on the
/// same path. The table lists, for such answers, the diagnoses they rule out.
/// </summary>
public sealed class ContradictionTests
{
    /// <summary>(node, answer or "verdict:name") -> the diagnoses it rules out.</summary>
    public static readonly (string Node, string Answer, string[] RulesOut)[] Rules =
    [
        ("sym.power-state-only", "more-data", ["console.power-state-only"]),
        ("sym.power-state-only", "verdict:pass", ["console.power-state-only"]),
        ("q.con.second-console", "no", ["console.functions-fail-second-console"]),
        // "In setup" is not provisioned: another product cannot own it yet.
        ("p.prov.state", "in-setup", ["prov.other-management-solution"]),
        ("p.prov.state", "not-provisioned", ["prov.other-management-solution"]),
        ("p.prov.state", "verdict:in-provisioning", ["prov.other-management-solution"]),
        ("p.prov.state", "verdict:not-provisioned", ["prov.other-management-solution"]),
        ("q.con.console-os", "supported", ["console.unsupported-os"]),
        ("q.con.connect-blocked", "not-blocked", ["console.blocked-client"]),
        ("q.con.blocked-client", "no", ["console.blocked-client"]),
        ("p.prov.die-link", "wired", ["prov.wireless"]),
        ("p.prov.die-link", "verdict:pass", ["prov.wireless"]),
        ("p.prov.wsman-link", "wired", ["prov.wireless"]),
        ("p.prov.upd-link", "wired", ["prov.wireless"]),
        ("p.prov.die-cert", "fine", ["prov.amt-self-signed-cert"]),
        ("q.prov.die-pki", "ready", ["prov.amt-not-ready-pki", "prov.network-access-inactive"]),
        ("q.prov.dhcp-options", "all-set", ["prov.dns-dhcp"]),
        ("q.prov.hotfix", "win2008", ["prov.hotfix-942841"]),
        ("q.prov.hotfix", "win2003-current", ["prov.hotfix-942841"]),
        ("p.con.redirection", "enabled", ["console.redirection-disabled"]),
        ("p.con.redirection", "verdict:pass", ["console.redirection-disabled"]),
        ("p.con.reachable", "answers", ["console.amt-tls-only"]),
        ("p.con.ipv6", "ipv4-first", ["console.ipv6-slow"]),
        ("q.con.ipv6-warning", "no-warning", ["console.ipv6-slow"]),
        ("q.prov.wsman-proxy", "direct", ["prov.winhttp-proxy"]),
        ("p.prov.wsman-fqdn", "short-or-old", ["prov.fqdn-over-44"]),
        ("p.prov.tls-root-key", "up-to-2048", ["prov.root-key-too-long"]),
        // Client approval is SP2's; the SP1 fix (import after discovery) is SP1's.
        ("q.prov.site-version", "sp1", ["prov.inband-client-not-approved"]),
        ("q.prov.site-version", "sp2", ["prov.inband-previously-discovered"]),
    ];

    private static readonly Lazy<ContentSet> Shipped = new(() => ContentLoader.Load(RepoContent.Directory));

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (node, answer, rulesOut) in Rules)
        {
            foreach (var d in rulesOut)
            {
                data.Add(node, answer, d);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_answer_that_rules_a_cause_out_never_leads_to_it(string node, string answer, string ruledOut)
    {
        var tree = Shipped.Value.Tree;
        var n = tree[node];
        string next;
        var given = new List<string>();
        if (answer.StartsWith("verdict:", StringComparison.Ordinal))
        {
            Assert.True(n.Verdicts.TryGetValue(answer["verdict:".Length..], out next!), $"{node} maps no {answer}");
        }
        else
        {
            next = Assert.Single(n.AuthoredChoices, c => c.Id == answer).Next;
            given.Add($"{node}={answer}");
        }

        Assert.DoesNotContain(ruledOut, TreeWalk.Reachable(tree, next, given));
    }

    [Fact]
    public void The_provisioned_answer_does_not_say_in_setup_in_any_language()
    {
        foreach (var lang in Languages.All)
        {
            var label = Shipped.Value.ChoiceLabel(lang, "p.prov.state", "provisioned");
            Assert.DoesNotContain("setup", label, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Einrichtung", label, StringComparison.Ordinal);
            Assert.DoesNotContain("セットアップ", label, StringComparison.Ordinal);
        }
    }
}
