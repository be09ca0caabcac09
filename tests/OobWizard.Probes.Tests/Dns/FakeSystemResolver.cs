using System.Net;
using OobWizard.Probes.Dns;

namespace OobWizard.Probes.Tests.Dns;

/// <summary>A system resolver that answers from a table, so tests never send the test names to the machine's resolver.</summary>
public sealed class FakeSystemResolver : ISystemResolver
{
    private readonly Dictionary<string, IPAddress[]> _table = new(StringComparer.OrdinalIgnoreCase);

    public FakeSystemResolver Add(string name, params string[] addresses)
    {
        _table[name] = addresses.Select(IPAddress.Parse).ToArray();
        return this;
    }

    public Task<SystemResolution> ResolveAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(_table.TryGetValue(name, out var a)
            ? new SystemResolution(a, null, TimeSpan.FromMilliseconds(1))
            : new SystemResolution([], "HostNotFound (fake)", TimeSpan.FromMilliseconds(1)));
}
