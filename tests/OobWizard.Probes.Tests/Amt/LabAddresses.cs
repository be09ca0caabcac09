using System.Net;

namespace OobWizard.Probes.Tests.Amt;

/// <summary>
/// A fresh 127.x.y.z per lab device, so tests running in parallel (and other helpers' servers on 127.0.0.x) never meet.
/// </summary>
internal static class LabAddresses
{
    private static int _next = Environment.ProcessId % 200 * 250;

    public static IPAddress Next()
    {
        var n = Interlocked.Increment(ref _next);
        return new IPAddress([127, 211, (byte)(n / 250 % 250 + 1), (byte)(n % 250 + 1)]);
    }
}
