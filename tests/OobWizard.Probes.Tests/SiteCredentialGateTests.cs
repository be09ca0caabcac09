using Xunit;

namespace OobWizard.Probes.Tests;

/// <summary>The scan-wide gate that keeps a wrong password from reaching a whole site.</summary>
public sealed class SiteCredentialGateTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromMilliseconds(200);

    private static async Task<bool> Waits(Task task)
    {
        await Task.WhenAny(task, Task.Delay(Soon));
        return !task.IsCompleted;
    }

    [Fact]
    public async Task AnUnprovenPassword_GoesToAtMostProbationDevicesAtOnce_AndAnUnansweredTryFreesItsPlace()
    {
        var gate = new SiteCredentialGate(probation: 2);
        var first = await gate.AdmitAsync("admin", "pw", CancellationToken.None);
        var second = await gate.AdmitAsync("admin", "pw", CancellationToken.None);
        var third = gate.AdmitAsync("admin", "pw", CancellationToken.None);

        Assert.True(await Waits(third));
        first.Dispose(); // a timeout: no answer from that device
        using var admitted = await third.WaitAsync(TimeSpan.FromSeconds(10));
        second.Dispose();
        Assert.False(gate.Closed.IsCompleted);
    }

    [Fact]
    public async Task ProbationRefusals_WithNoAcceptance_CloseTheGate_AndNoOneElseIsLetThrough()
    {
        var gate = new SiteCredentialGate(probation: 2);
        var a = await gate.AdmitAsync("admin", "wrong", CancellationToken.None);
        var b = await gate.AdmitAsync("admin", "wrong", CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var waiting = gate.AdmitAsync("admin", "wrong", cts.Token);

        a.Refused();
        Assert.True(await Waits(waiting)); // one refusal and one in flight still fill the probation
        b.Refused();

        Assert.Equal("admin", await gate.Closed.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(gate.IsClosed("admin", "wrong"));
        Assert.True(await Waits(waiting));
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task OneAcceptance_OpensTheGateForEveryDevice_AndLaterRefusalsAreThatDevicesOwn()
    {
        var gate = new SiteCredentialGate(probation: 1);
        var probe = await gate.AdmitAsync("admin", "right", CancellationToken.None);
        var waiters = Enumerable.Range(0, 20).Select(_ => gate.AdmitAsync("admin", "right", CancellationToken.None)).ToList();
        Assert.True(await Waits(waiters[0]));

        probe.Accepted();
        var permits = await Task.WhenAll(waiters).WaitAsync(TimeSpan.FromSeconds(10));
        foreach (var p in permits.Take(5)) p.Refused(); // devices provisioned by someone else
        foreach (var p in permits) p.Dispose();

        Assert.False(gate.Closed.IsCompleted);
        Assert.False(gate.IsClosed("admin", "right"));
    }

    [Fact]
    public async Task Overrule_LetsEveryDeviceTryOnce_AfterASiteWideRefusal()
    {
        var gate = new SiteCredentialGate(probation: 1);
        (await gate.AdmitAsync("admin", "wrong", CancellationToken.None)).Refused();
        var waiting = gate.AdmitAsync("admin", "wrong", CancellationToken.None);
        Assert.True(gate.IsClosed("admin", "wrong"));
        Assert.True(await Waits(waiting));

        gate.Overrule("admin", "wrong");

        using var permit = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(gate.IsClosed("admin", "wrong"));
    }

    [Fact]
    public async Task PairsAreKeptApart_AndAGuardWithoutASiteAdmitsAtOnce()
    {
        var gate = new SiteCredentialGate(probation: 1);
        (await gate.AdmitAsync("admin", "wrong", CancellationToken.None)).Refused();
        using var other = await gate.AdmitAsync("admin", "other", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(gate.IsClosed("admin", "wrong"));
        Assert.False(gate.IsClosed("admin", "other"));

        Assert.Null(await new CredentialGuard().AdmitAsync("admin", "x", CancellationToken.None));
    }

    [Fact]
    public async Task AWaitCutShort_MarksTheRunHeldBySite()
    {
        var gate = new SiteCredentialGate(probation: 1);
        using var holder = await gate.AdmitAsync("admin", "pw", CancellationToken.None);
        var guard = new CredentialGuard(gate);
        using var cts = new CancellationTokenSource(Soon);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => guard.AdmitAsync("admin", "pw", cts.Token));

        Assert.True(guard.HeldBySite);
        Assert.False(new CredentialGuard(gate).HeldBySite);
        // Its later probes do not wait out their bounds again: the device is checked again anyway.
        var again = guard.AdmitAsync("admin", "pw", CancellationToken.None);
        Assert.True(again.IsCompleted);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => again);
    }
}
