using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Engine;

namespace OobWizard.Cli.Tests;

/// <summary>
/// A live session resumed without --target keeps probing the computer it was started for, with
/// real DNS packets to the bind9 test server (tests/servers/dns-up.sh).
/// </summary>
public sealed class LiveResumeTests
{
    private static string? Bind()
    {
        var state = Environment.GetEnvironmentVariable("OOBW_DNS_STATE") ?? "/tmp/oobwizard-dns";
        var fromEnv = Environment.GetEnvironmentVariable("OOBW_BIND");
        if (fromEnv is { Length: > 0 })
        {
            return fromEnv;
        }

        var file = Path.Combine(state, "servers.env");
        return File.Exists(file)
            ? File.ReadAllLines(file).FirstOrDefault(l => l.StartsWith("OOBW_BIND=", StringComparison.Ordinal))?["OOBW_BIND=".Length..]
            : null;
    }

    [SkippableFact]
    public void AResumedLiveSession_ProbesTheSessionsTarget()
    {
        var bind = Bind();
        if (bind is null && Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail("CI=true and the bind9 test server is not running (tests/servers/dns-up.sh)");
        }

        Skip.If(bind is null, "start the DNS test servers: bash tests/servers/dns-up.sh");
        using var run = new CliRun();
        run.Env["OOBW_AMT_PASSWORD"] = "unused";
        var file = Path.Combine(run.SessionDir, "live.json");
        run.Run("console-cannot-connect\nstays-connecting\nother-or-none\n", "--plain", "--target", "pc99.fabrikam.test", "--dns", bind!, "--session", file);
        Assert.False(run.LoadSession(file).Offline);

        run.Run("supported\nother\nnot-blocked\n", "--plain", "--resume", file, "--dns", bind!);

        var session = run.LoadSession(file);
        Assert.Equal("console.no-host-record", session.State.Current);
        Assert.Equal(Trigger.Verdict("no-record"), session.State.Steps[^1].Trigger);
        Assert.Contains(session.Evidence, e => e.Probe == "dns.forward" && e.Summary.Contains("pc99.fabrikam.test", StringComparison.Ordinal));
    }
}
