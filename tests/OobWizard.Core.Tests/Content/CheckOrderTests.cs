using OobWizard.Core.Content;
using OobWizard.Core.Tests.Support;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Tests.Content;

/// <summary>
/// Cheap checks first, as content/tree/10-provisioning.yaml states: on every path from a symptom,
/// (1) what the user answers at the desk from the console, a log line or a tool's message comes
/// before (2) what is checked live from here (DNS, the AMT device, LDAP), which comes before
/// (3) what needs a visit or another team's console (the MEBx, the CA, the DHCP server, files on the
/// service point). A probe node counts by its manual question (what offline costs). Entering
/// another symptom starts afresh. Every question and probe node of the tree must be in the table.
/// </summary>
public sealed class CheckOrderTests
{
    private const int Desk = 1;
    private const int Live = 2;
    private const int Visit = 3;

    public static readonly Dictionary<string, int> Cost = new()
    {
        ["q.prov.tool-message"] = Desk,
        ["q.prov.site-version"] = Desk,
        ["q.prov.opmgr-log"] = Desk,
        ["q.prov.proxymgr-log"] = Desk,
        ["q.prov.method"] = Desk,
        ["q.prov.oob-allowed"] = Desk,
        ["q.prov.inband-auto"] = Desk,
        ["q.prov.inband-approved"] = Desk,
        ["q.prov.oobmgmt-log"] = Desk,
        ["q.prov.tls"] = Desk,
        ["q.prov.upd-history"] = Desk,
        ["q.con.connect-log"] = Desk,
        ["q.con.console-os"] = Desk,
        ["q.con.legacy-amt"] = Desk,
        ["q.con.connect-blocked"] = Desk,
        ["q.con.ider-admin"] = Desk,
        ["q.con.second-console"] = Desk,
        ["q.con.ipv6-warning"] = Desk,
        ["q.con.blocked-client"] = Desk,
        ["q.log.oobconsole"] = Desk,
        ["q.log.amtopmgr"] = Desk,
        ["q.log.amtproxymgr"] = Desk,
        ["q.log.oobmgmt"] = Desk,
        ["p.prov.alias"] = Live,
        ["p.prov.state"] = Live,
        ["p.prov.auth"] = Live,
        ["p.prov.version"] = Live,
        ["p.prov.fqdn"] = Live,
        ["p.prov.ad-namespace"] = Live,
        ["p.prov.dns-forward"] = Live,
        ["p.prov.ad-container"] = Live,
        ["p.prov.dcom-group"] = Live,
        ["p.prov.die-link"] = Live,
        ["p.prov.die-dns"] = Live,
        ["p.prov.die-cert"] = Live,
        ["p.prov.wsman-link"] = Live,
        ["p.prov.wsman-fqdn"] = Live,
        ["p.prov.tls-cert"] = Live,
        ["p.prov.upd-link"] = Live,
        ["p.prov.upd-dns"] = Live,
        ["p.prov.upd-crl"] = Live,
        ["p.con.dns-forward"] = Live,
        ["p.con.dns-consistency"] = Live,
        ["p.con.reachable"] = Live,
        ["p.con.fqdn-match"] = Live,
        ["p.con.tls-name"] = Live,
        ["p.con.crl"] = Live,
        ["p.con.redirection"] = Live,
        ["p.con.ipv6"] = Live,
        ["p.prov.cert-hashes"] = Visit,
        ["p.prov.root-key"] = Visit,
        ["p.prov.tls-root-key"] = Visit,
        ["q.prov.ca-failed-requests"] = Visit,
        ["q.prov.revoke-failed-requests"] = Visit,
        ["q.prov.amt-suffix"] = Visit,
        ["q.prov.dhcp-options"] = Visit,
        ["p.prov.prov-cert"] = Visit,
        ["q.prov.hotfix"] = Visit,
        ["q.prov.die-pki"] = Visit,
        ["q.prov.wsman-proxy"] = Visit,
        ["q.con.no-answer"] = Visit,
    };

    private static readonly Lazy<ContentSet> Shipped = new(() => ContentLoader.Load(RepoContent.Directory));

    public static TheoryData<string> Symptoms() => new(Shipped.Value.Tree.Symptoms.Select(s => s.Id));

    [Fact]
    public void Every_question_and_probe_has_a_cost()
    {
        var checks = Shipped.Value.Tree.Nodes
            .Where(n => n.Kind is NodeKind.Question or NodeKind.Probe && !n.Id.StartsWith("sym.", StringComparison.Ordinal))
            .Select(n => n.Id);

        Assert.Equal(checks.Order(StringComparer.Ordinal), Cost.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Symptoms))]
    public void On_every_path_from_the_symptom_a_check_is_never_cheaper_than_the_one_before(string symptom)
    {
        // Breadth-first over (node, answers a guard looks at, dearest check so far): every path is covered.
        var tree = Shipped.Value.Tree;
        var guarded = TreeWalk.GuardedNodes(tree);
        var entry = tree.Symptoms.Single(s => s.Id == symptom).Next;
        var start = (Node: entry, Given: "", Highest: 0);
        var seen = new HashSet<(string, string, int)> { start };
        var cameFrom = new Dictionary<(string, string, int), (string Node, string Given, int Highest)>();
        var queue = new Queue<(string Node, string Given, int Highest)>([start]);
        while (queue.TryDequeue(out var state))
        {
            var highest = state.Node.StartsWith("sym.", StringComparison.Ordinal) ? 0 : state.Highest; // another symptom: a new triage
            if (Cost.TryGetValue(state.Node, out var cost))
            {
                Assert.False(cost < highest, $"{state.Node} ({Name(cost)}) comes after {Name(highest)} on: {Trail(cameFrom, state)}");
                highest = Math.Max(highest, cost);
            }

            var answers = state.Given.Split(';', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            foreach (var (to, answer) in TreeWalk.Next(tree[state.Node], answers))
            {
                var given = answer is not null && guarded.Contains(state.Node)
                    ? string.Join(';', answers.Where(a => !a.StartsWith(state.Node + "=", StringComparison.Ordinal)).Append(state.Node + "=" + answer).Order(StringComparer.Ordinal))
                    : state.Given;
                var next = (to, given, highest);
                if (seen.Add(next))
                {
                    cameFrom[next] = state;
                    queue.Enqueue(next);
                }
            }
        }

        Assert.True(seen.Count > 1);
    }

    private static string Trail(Dictionary<(string, string, int), (string Node, string Given, int Highest)> cameFrom, (string Node, string Given, int Highest) state)
    {
        var nodes = new List<string> { state.Node };
        while (cameFrom.TryGetValue(state, out var previous))
        {
            nodes.Insert(0, previous.Node);
            state = previous;
        }

        return string.Join(" > ", nodes);
    }

    [Theory]
    [InlineData("sym.cannot-update")]
    [InlineData("p.prov.die-link")]
    [InlineData("p.prov.wsman-link")]
    public void The_root_hash_is_not_asked_where_it_cannot_be_the_cause(string from)
    {
        // A computer that is already provisioned has passed the hash check; "Device internal error"
        // item 4 is no hash problem (review CH-1).
        var reach = TreeWalk.Reachable(Shipped.Value.Tree, from);

        Assert.DoesNotContain("p.prov.cert-hashes", reach);
        Assert.DoesNotContain("prov.cert-hash-missing", reach);
    }

    private static string Name(int cost) => cost switch { Desk => "at the desk", Live => "a live check", _ => "a visit" };
}
