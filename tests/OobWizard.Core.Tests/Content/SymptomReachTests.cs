using OobWizard.Core.Content;
using OobWizard.Core.Tests.Support;
using OobWizard.Core.Tree;

namespace OobWizard.Core.Tests.Content;

/// <summary>
/// Every diagnosis is reachable from every symptom under which a user meets it: the table lists, for
/// each diagnosis, the symptoms the seeds tie it to (seed 000 for provisioning, seed 002 for the
/// console; "log-file" where the seed gives a log message), and for the field causes the symptoms
/// of the reports they come from. The walk follows answers (with their guards) and verdicts, never
/// "not fixed".
/// </summary>
public sealed class SymptomReachTests
{
    /// <summary>diagnosis -> start-menu symptoms (choice ids of the start node).</summary>
    public static readonly Dictionary<string, string[]> SymptomsOf = new()
    {
        // Seed 000: all of these are failures to provision, found in Amtopmgr.log/Amtproxymgr.log where the seed quotes a line.
        ["prov.prerequisites"] = ["cannot-provision"],
        ["prov.hotfix-942841"] = ["cannot-provision", "log-file"],
        ["prov.dns-dhcp"] = ["cannot-provision", "log-file"],
        ["prov.ad-container-missing"] = ["cannot-provision", "log-file"],
        ["prov.disjoint-namespace"] = ["cannot-provision"],
        ["prov.inband-client-not-approved"] = ["cannot-provision", "log-file"],
        ["prov.cert-option-disabled-child-site"] = ["cannot-provision"],
        ["prov.amt-version-unsupported"] = ["cannot-provision"],
        ["prov.cert-template-permissions"] = ["cannot-provision", "log-file"],
        ["prov.child-domain-dcom"] = ["cannot-provision", "log-file"],
        ["prov.cert-hash-missing"] = ["cannot-provision", "log-file"],
        ["prov.inband-auto-provision-disabled"] = ["cannot-provision"],
        ["prov.inband-previously-discovered"] = ["cannot-provision"],
        ["prov.provisionserver-alias-missing"] = ["cannot-provision", "log-file"],
        ["prov.other-management-solution"] = ["cannot-provision", "log-file"],
        ["prov.cert-revoke-denied"] = ["cannot-revoke", "log-file"],
        ["prov.root-key-too-long"] = ["cannot-provision", "log-file"],
        // "…also power control, auditing and connecting with the out of band management console fail."
        ["prov.crl-check-failed"] = ["cannot-update", "console-cannot-connect", "functions-fail", "log-file"],
        // "…cannot provision or update over wireless"; the WSMAN message names its three causes.
        ["prov.wireless"] = ["cannot-provision", "cannot-update", "log-file"],
        ["prov.fqdn-over-44"] = ["cannot-provision", "cannot-update", "log-file"],
        ["prov.winhttp-proxy"] = ["cannot-provision", "cannot-update", "log-file"],
        // "Device internal error" items 3 and 4, and SP1's "provision certificate".
        ["prov.amt-self-signed-cert"] = ["cannot-provision", "log-file"],
        ["prov.amt-not-ready-pki"] = ["cannot-provision", "log-file"],
        ["prov.provisioning-cert-oid"] = ["cannot-provision", "log-file"],
        // Field causes: AMT that does not answer at all.
        ["prov.network-access-inactive"] = ["cannot-provision", "console-cannot-connect"],
        // Seed 002.
        ["console.prerequisites"] = ["console-cannot-connect"],
        ["console.unsupported-os"] = ["console-cannot-connect", "log-file"],
        ["console.wireless-name-resolution"] = ["console-cannot-connect"],
        ["console.no-host-record"] = ["console-cannot-connect", "log-file"],
        ["console.cannot-connect"] = ["console-cannot-connect"],
        ["console.no-amt-user-account"] = ["console-cannot-connect"],
        ["console.power-state-only"] = ["power-state-only"],
        ["console.functions-fail-second-console"] = ["functions-fail", "redirection-fails", "log-file"],
        ["console.power-on-password"] = ["power-on-password"],
        // Serial over LAN fails under "functions fail" too; the MEBx shows it without any log line.
        ["console.redirection-disabled"] = ["redirection-fails", "functions-fail", "log-file"],
        ["console.ider-low-privilege"] = ["redirection-fails", "log-file"],
        ["console.settings-not-applied"] = ["settings-not-applied"],
        // SP2: a blocked client stays "Provisioned" but cannot be managed: it will not connect, functions fail.
        ["console.blocked-client"] = ["settings-not-applied", "console-cannot-connect", "functions-fail"],
        ["console.ipv6-slow"] = ["slow-responses", "log-file"],
        ["console.renamed-or-moved"] = ["console-cannot-connect", "cannot-update"],
        // Field causes.
        ["console.amt-tls-only"] = ["console-cannot-connect"],
        ["console.amt-reset"] = ["console-cannot-connect", "cannot-update"],
        ["console.translator-hotfix"] = ["console-cannot-connect"],
    };

    private static readonly Lazy<ContentSet> Shipped = new(() => ContentLoader.Load(RepoContent.Directory));

    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var (diagnosis, symptoms) in SymptomsOf.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var symptom in symptoms)
            {
                data.Add(diagnosis, symptom);
            }
        }

        return data;
    }

    [Fact]
    public void The_table_names_every_diagnosis_of_the_tree()
    {
        var diagnoses = Shipped.Value.Tree.Nodes.Where(n => n.Kind == NodeKind.Diagnosis).Select(n => n.Id).Order(StringComparer.Ordinal);

        Assert.Equal(diagnoses, SymptomsOf.Keys.Order(StringComparer.Ordinal));
        Assert.All(SymptomsOf.Values.SelectMany(s => s), s => Assert.Contains(s, Shipped.Value.Tree.Symptoms.Select(c => c.Id)));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_diagnosis_is_reachable_from_the_symptom(string diagnosis, string symptom)
    {
        var tree = Shipped.Value.Tree;
        var entry = tree.Symptoms.Single(s => s.Id == symptom).Next;

        Assert.Contains(diagnosis, TreeWalk.Reachable(tree, entry));
    }
}
