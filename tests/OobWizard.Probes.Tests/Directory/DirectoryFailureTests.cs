using System.Diagnostics;
using OobWizard.Probes.ActiveDirectory;
using Xunit;

namespace OobWizard.Probes.Tests.ActiveDirectory;

/// <summary>
/// LDAP failures become verdicts: against the real DC where it can produce them (49, 32, 81), against a hostile
/// loopback server where it cannot (8, 10, garbage, a connection closed mid-search, no answer, half an answer).
/// Bounds are generous (a loaded 2-core machine); each test asserts that the probe ended well inside them.
/// </summary>
public sealed class DirectoryFailureTests
{
    private static readonly TimeSpan ProbeBound = TimeSpan.FromSeconds(4);

    private static ProbeContext Fake(FakeLdapServer server, LdapCredential? credential = null) => new()
    {
        Timeout = ProbeBound,
        Directory = new DirectorySettings { DomainController = server.Endpoint, Credential = credential, AmtOu = "OU=AMT,DC=corp,DC=fabrikam,DC=test" },
    };

    private static async Task<(ProbeResult Result, TimeSpan Elapsed)> RunTimed(IProbe probe, ProbeContext context)
    {
        var watch = Stopwatch.StartNew();
        var r = await new ProbeRunner([probe]).RunAsync(probe.Id, context);
        return (r, watch.Elapsed);
    }

    [SkippableFact]
    public async Task AWrongPassword_Is49_AndIsNeverSentAgainInTheSameRun()
    {
        DirectoryTestServer.Require();
        var asked = 0;
        var credential = new LdapCredential(DirectoryTestServer.User, () => { asked++; return "not-the-password"; });

        var first = await RunTimed(new AdDcomGroupProbe(), DirectoryTestServer.Context(siteServer: "SCCM01", credential: credential));
        await using var recorder = new FakeLdapServer(FakeLdapServer.Behaviour.Silent);
        var second = await RunTimed(new AdContainerProbe(), Fake(recorder, credential));

        Assert.Equal(LdapVerdicts.BadCredentials, first.Result.Verdict);
        Assert.Equal(ProbeOutcome.Inconclusive, first.Result.Outcome);
        Assert.Contains("52e", Assert.Single(first.Result.Evidence, e => e.Name == "server message").Value, StringComparison.Ordinal);
        Assert.True(credential.Refused);
        Assert.Null(credential.Password);
        Assert.Equal(1, asked);
        // The second probe stops before connecting: the refused password reaches no server.
        Assert.Equal(LdapVerdicts.BadCredentials, second.Result.Verdict);
        Assert.Contains("not sent again", second.Result.Summary, StringComparison.Ordinal);
        Assert.Equal(0, recorder.Connections);
    }

    [SkippableFact]
    public async Task AnUnknownBase_Is32_WithTheNearestExistingEntry()
    {
        DirectoryTestServer.Require();
        using var reader = LdapReader.Open(new DirectoryEndpoint(DirectoryTestServer.Dc, 389, LdapSecurity.None), DirectoryTestServer.Reader(), TimeSpan.FromSeconds(5));

        var ex = Assert.Throws<DirectoryException>(() => reader.Search("OU=Nowhere,OU=AMT," + DirectoryTestServer.Base, System.DirectoryServices.Protocols.SearchScope.Base, "(objectClass=*)", ["cn"]));

        Assert.Equal(LdapFailureKind.NoSuchObject, ex.Kind);
        Assert.Equal(32, ex.ResultCode);
        Assert.Null(reader.Read("OU=Nowhere," + DirectoryTestServer.Base, ["cn"]));
    }

    [SkippableFact]
    public async Task AClosedPort_IsUnavailable_At81()
    {
        DirectoryTestServer.Require();

        var (r, elapsed) = await RunTimed(new AdRootDseProbe(), DirectoryTestServer.Context(dc: DirectoryTestServer.Dc + ":3999"));

        Assert.Equal(LdapVerdicts.Unavailable, r.Verdict);
        Assert.Equal(ProbeOutcome.Error, r.Outcome);
        Assert.Contains("127.0.0.2:3999", r.Summary, StringComparison.Ordinal);
        Assert.True(elapsed < ProbeBound * 2, elapsed.ToString());
    }

    [Fact]
    public async Task StrongAuthenticationRequired_Is8_AndSaysToUseTls()
    {
        await using var server = new FakeLdapServer(FakeLdapServer.Behaviour.StrongAuthRequired);

        var (r, _) = await RunTimed(new AdContainerProbe(), Fake(server, new LdapCredential("u@corp", () => "pw")));

        Assert.Equal(LdapVerdicts.StrongAuthRequired, r.Verdict);
        Assert.Contains("--ldaps or --starttls", r.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReferral_Is10_AndNamesWhereItPoints_WithoutFollowingIt()
    {
        await using var server = new FakeLdapServer(FakeLdapServer.Behaviour.Referral);

        var (r, _) = await RunTimed(new AdRootDseProbe(), Fake(server));

        Assert.True(r.Verdict == LdapVerdicts.Referral, $"{r.Verdict}: {r.Summary}");
        Assert.Contains("ldap://dc02.emea.fabrikam.test/", r.Summary, StringComparison.Ordinal);
        // One TCP reachability check and the LDAP connection; a chased referral would have gone to dc02.emea instead.
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task ABadPasswordFromAnyServer_Is49()
    {
        await using var server = new FakeLdapServer(FakeLdapServer.Behaviour.BadCredentials);
        var credential = new LdapCredential("u@corp", () => "pw");

        var (r, _) = await RunTimed(new AdContainerProbe(), Fake(server, credential));

        Assert.Equal(LdapVerdicts.BadCredentials, r.Verdict);
        Assert.True(credential.Refused);
    }

    public static TheoryData<FakeLdapServer.Behaviour, string[]> Hostile() => new()
    {
        { FakeLdapServer.Behaviour.Silent, [LdapVerdicts.Timeout] },
        { FakeLdapServer.Behaviour.HalfAnswer, [LdapVerdicts.Timeout] },
        { FakeLdapServer.Behaviour.Garbage, [LdapVerdicts.NotLdap, LdapVerdicts.Timeout, LdapVerdicts.ConnectionLost] },
        { FakeLdapServer.Behaviour.CloseMidSearch, [LdapVerdicts.ConnectionLost] },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task AHostileServer_GivesAClearVerdict_InBoundedTime(FakeLdapServer.Behaviour behaviour, string[] verdicts)
    {
        await using var server = new FakeLdapServer(behaviour);
        // With an account: the bind, then the searches; CloseMidSearch answers the bind, then drops the search.
        var context = Fake(server, new LdapCredential("u@corp", () => "pw"));

        var (r, elapsed) = await RunTimed(new AdRootDseProbe(), context);
        var (withBind, elapsed2) = await RunTimed(new AdContainerProbe(), Fake(server, new LdapCredential("u@corp", () => "pw")));

        Assert.True(verdicts.Contains(r.Verdict), $"{r.Verdict}: {r.Summary}");
        Assert.Contains(r.Outcome, new[] { ProbeOutcome.Error, ProbeOutcome.Inconclusive });
        Assert.Contains(server.Endpoint.Split(':')[1], r.Summary + string.Join(" ", r.Evidence.Select(e => e.Value)), StringComparison.Ordinal);
        Assert.True(verdicts.Contains(withBind.Verdict), $"{withBind.Verdict}: {withBind.Summary}");
        // Bounded: the probe's own bound plus the runner's grace, with room for a loaded machine.
        Assert.True(elapsed < ProbeBound + TimeSpan.FromSeconds(3), $"{behaviour}: {elapsed}");
        Assert.True(elapsed2 < ProbeBound + TimeSpan.FromSeconds(3), $"{behaviour}: {elapsed2}");
    }
}
