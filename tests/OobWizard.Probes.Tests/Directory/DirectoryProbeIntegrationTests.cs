using OobWizard.Probes.ActiveDirectory;
using Xunit;

namespace OobWizard.Probes.Tests.ActiveDirectory;

/// <summary>
/// Every ad.* probe against the real Samba AD DC (tests/servers/ad-up.sh), seeded with the cases of
/// tests/servers/ad-seed*.ldif. Each verdict here comes from real LDAP over a real socket.
/// </summary>
public sealed class DirectoryProbeIntegrationTests
{
    private const string AmtOu = "OU=AMT," + DirectoryTestServer.Base;

    private static Task<ProbeResult> Run(IProbe probe, ProbeContext context) => new ProbeRunner([probe]).RunAsync(probe.Id, context);

    private static string Row(ProbeResult r, string name) => Assert.Single(r.Evidence, e => e.Name == name).Value;

    [SkippableFact]
    public async Task RootDse_IsReadAnonymously_AndNamesTheDomain()
    {
        DirectoryTestServer.Require();
        var context = DirectoryTestServer.Context(credential: null);

        var r = await Run(new AdRootDseProbe(), context);

        Assert.Equal(ProbeOutcome.Pass, r.Outcome);
        Assert.Equal(DirectoryTestServer.Base, Row(r, "defaultNamingContext"));
        Assert.Equal("corp.fabrikam.test", Row(r, "domain (DNS)"));
        Assert.Equal("dc01.corp.fabrikam.test", Row(r, "dnsHostName"));
        Assert.Contains("anonymous", Row(r, "domain controller"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RootDse_OfADcOfAnotherDomain_IsAFinding()
    {
        DirectoryTestServer.Require();

        var r = await Run(new AdRootDseProbe(), DirectoryTestServer.Context(domain: "na.corp.fabrikam.test"));

        Assert.Equal("other-domain", r.Verdict);
        Assert.Contains("not of na.corp.fabrikam.test", r.Summary, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TheDc_IsFoundThroughTheDomainsSrvRecords_WhenNoDcIsGiven()
    {
        DirectoryTestServer.Require();
        var context = new ProbeContext
        {
            Domain = DirectoryTestServer.Domain,
            DnsServers = [DirectoryTestServer.Dc + ":53"],
            Directory = new DirectorySettings { Credential = DirectoryTestServer.Reader() },
        };

        var r = await Run(new AdRootDseProbe(), context);

        Assert.Equal(ProbeOutcome.Pass, r.Outcome);
        Assert.Contains(r.Evidence, e => e.Name.StartsWith("SRV _ldap._tcp.corp.fabrikam.test", StringComparison.Ordinal) && e.Value.Contains("dc01.corp.fabrikam.test:389", StringComparison.Ordinal));
        Assert.StartsWith("dc01.corp.fabrikam.test (127.0.0.2:389)", Row(r, "domain controller"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Container_ThatExists_Passes()
    {
        DirectoryTestServer.Require();

        var r = await Run(new AdContainerProbe(), DirectoryTestServer.Context(amtOu: AmtOu));

        Assert.True(r.Outcome == ProbeOutcome.Pass, r.Summary);
        Assert.Contains("organizationalUnit", Row(r, "objectClass"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Container_Renamed_IsMissing_AndNoneOfThatNameExists()
    {
        DirectoryTestServer.Require();

        var r = await Run(new AdContainerProbe(), DirectoryTestServer.Context(amtOu: "OU=AMT Computers," + DirectoryTestServer.Base));

        Assert.Equal("missing", r.Verdict);
        Assert.Equal(["prov.ad-container-missing"], r.SuggestedDiagnoses);
        Assert.Contains("renamed, or never made", r.Summary, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Container_InTheWrongDomain_IsMissing_AndTheOneOfThatNameIsShown()
    {
        DirectoryTestServer.Require();

        var r = await Run(new AdContainerProbe(), DirectoryTestServer.Context(amtOu: "OU=AMT,DC=emea," + DirectoryTestServer.Base));

        Assert.Equal("missing", r.Verdict);
        Assert.Contains("names the domain emea.corp.fabrikam.test", r.Summary, StringComparison.Ordinal);
        Assert.Contains($"a container named 'AMT' exists at {AmtOu}", r.Summary, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Container_Deleted_IsMissing_AndTheTombstoneIsShown_ToAnAccountThatMaySeeIt()
    {
        DirectoryTestServer.Require();
        var ou = "OU=Retired AMT," + DirectoryTestServer.Base;

        var admin = await Run(new AdContainerProbe(), DirectoryTestServer.Context(amtOu: ou, credential: DirectoryTestServer.Administrator()));
        var reader = await Run(new AdContainerProbe(), DirectoryTestServer.Context(amtOu: ou));

        Assert.Equal("missing", admin.Verdict);
        Assert.Contains("it was deleted", admin.Summary, StringComparison.Ordinal);
        Assert.Contains(DirectoryTestServer.Base, Row(admin, "deleted containers of that name"), StringComparison.Ordinal);
        // An ordinary account cannot list deleted objects: still missing, without the reason.
        Assert.Equal("missing", reader.Verdict);
        Assert.Equal("none visible to this account", Row(reader, "deleted containers of that name"));
    }

    [SkippableFact]
    public async Task Container_ThatIsAComputer_IsNotAContainer()
    {
        DirectoryTestServer.Require();

        var r = await Run(new AdContainerProbe(), DirectoryTestServer.Context(amtOu: "CN=PC01,OU=Workstations," + DirectoryTestServer.Base));

        Assert.Equal("missing", r.Verdict);
        Assert.Contains("is a computer, not an OU or container", r.Summary, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Container_NotADn_IsAnError_NamingTheOption()
    {
        var r = await Run(new AdContainerProbe(), DirectoryTestServer.Context(amtOu: "AMT computers"));

        Assert.Equal(ProbeOutcome.Error, r.Outcome);
        Assert.Contains("--amt-ou 'AMT computers' is not a distinguished name", r.Summary, StringComparison.Ordinal);
    }

    public static TheoryData<string, bool?, string, ProbeOutcome> AccountCases() => new()
    {
        { AmtOu, true, "pass", ProbeOutcome.Pass },
        { AmtOu, false, "left-behind", ProbeOutcome.Finding },
        { "OU=AMT Staging," + DirectoryTestServer.Base, true, "absent", ProbeOutcome.Finding },
        { "OU=AMT Staging," + DirectoryTestServer.Base, false, "pass", ProbeOutcome.Pass },
        { AmtOu, null, "inconclusive", ProbeOutcome.Inconclusive },
    };

    [SkippableTheory]
    [MemberData(nameof(AccountCases))]
    public async Task AmtAccount_IsJudgedAgainstTheProvisioningState(string ou, bool? provisioned, string verdict, ProbeOutcome outcome)
    {
        DirectoryTestServer.Require();
        var probe = new AdAmtAccountProbe(new DirectoryProbeOptions { ProvisioningState = (_, _) => Task.FromResult(provisioned) });

        var r = await Run(probe, DirectoryTestServer.Context(amtOu: ou, target: "pc01.corp.fabrikam.test"));

        Assert.True(r.Verdict == verdict, $"{r.Verdict}: {r.Summary}");
        Assert.Equal(outcome, r.Outcome);
        Assert.Equal("PC01$iME", Row(r, "account"));
    }

    [SkippableFact]
    public async Task DcomGroup_NestedMembership_Passes_AndShowsThePath()
    {
        DirectoryTestServer.Require();

        var r = await Run(new AdDcomGroupProbe(), DirectoryTestServer.Context(siteServer: "SCCM01"));

        Assert.True(r.Outcome == ProbeOutcome.Pass, r.Summary);
        Assert.Contains("CERTSRV_DCOM_ACCESS", r.Summary, StringComparison.Ordinal);
        Assert.Contains("nested through SCCM Site Servers", r.Summary, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task DcomGroup_ByFqdn_FindsTheSameAccount()
    {
        DirectoryTestServer.Require();

        var r = await Run(new AdDcomGroupProbe(), DirectoryTestServer.Context(siteServer: "sccm01.corp.fabrikam.test"));

        Assert.Equal(ProbeOutcome.Pass, r.Outcome);
        Assert.StartsWith("CN=SCCM01,OU=Servers,", Row(r, "site server account"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task DcomGroup_NotAMember_IsAFinding_AndBothGroupsWereChecked()
    {
        DirectoryTestServer.Require();

        var r = await Run(new AdDcomGroupProbe(), DirectoryTestServer.Context(siteServer: "SCCM02"));

        Assert.Equal("not-member", r.Verdict);
        Assert.Equal(["prov.child-domain-dcom"], r.SuggestedDiagnoses);
        Assert.Contains(r.Evidence, e => e.Name == "group CERTSRV_DCOM_ACCESS");
        Assert.Contains(r.Evidence, e => e.Name == "group Certificate Service DCOM Access" && e.Value.StartsWith("CN=Certificate Service DCOM Access,CN=Builtin,", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task DcomGroup_UnknownSiteServer_IsInconclusive()
    {
        DirectoryTestServer.Require();

        var r = await Run(new AdDcomGroupProbe(), DirectoryTestServer.Context(siteServer: "SCCM99"));

        Assert.Equal(ProbeOutcome.Inconclusive, r.Outcome);
        Assert.Contains("no computer account SCCM99$", r.Summary, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Namespace_Matching_Passes()
    {
        DirectoryTestServer.Require();

        var r = await Run(new AdNamespaceProbe(), DirectoryTestServer.Context(target: "pc01.corp.fabrikam.test"));

        Assert.True(r.Outcome == ProbeOutcome.Pass, r.Summary);
        Assert.Equal("pc01.corp.fabrikam.test", Row(r, "dNSHostName"));
    }

    [SkippableFact]
    public async Task Namespace_Disjoint_IsDecidedFromTheDirectory_NotFromTheName()
    {
        DirectoryTestServer.Require();

        // The name in use looks right; the account's dNSHostName tells the truth.
        var r = await Run(new AdNamespaceProbe(), DirectoryTestServer.Context(target: "pc05.corp.fabrikam.test"));

        Assert.Equal("disjoint", r.Verdict);
        Assert.Equal(["prov.disjoint-namespace"], r.SuggestedDiagnoses);
        Assert.Contains("dNSHostName suffix sales.fabrikam.test differs from the AD domain corp.fabrikam.test", r.Summary, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Ldaps_WithTheDcsCa_Works_AndWithoutItFailsAsTls()
    {
        DirectoryTestServer.Require();

        var trusted = await Run(new AdRootDseProbe(), DirectoryTestServer.Context(security: LdapSecurity.Ldaps, caFile: DirectoryTestServer.CaFile));
        var untrusted = await Run(new AdRootDseProbe(), DirectoryTestServer.Context(security: LdapSecurity.Ldaps, caFile: null));

        Assert.True(trusted.Outcome == ProbeOutcome.Pass, trusted.Summary);
        Assert.Contains("ldaps://127.0.0.2:636", Row(trusted, "domain controller"), StringComparison.Ordinal);
        Assert.Equal(LdapVerdicts.Tls, untrusted.Verdict);
    }

    [SkippableFact]
    public async Task StartTls_WithTheDcsCa_BindsAndSearches()
    {
        DirectoryTestServer.Require();

        var r = await Run(new AdDcomGroupProbe(), DirectoryTestServer.Context(siteServer: "SCCM01", security: LdapSecurity.StartTls, caFile: DirectoryTestServer.CaFile));

        Assert.True(r.Outcome == ProbeOutcome.Pass, r.Summary);
    }
}
