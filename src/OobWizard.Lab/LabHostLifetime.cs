using Microsoft.Extensions.Hosting;

namespace OobWizard.Lab;

/// <summary>
/// A host lifetime that ignores the process's signals. The default console lifetime of every lab device would
/// swallow SIGTERM and Ctrl+C for itself; the lab's owner (a test, `lab serve`, the demo) decides when devices stop.
/// </summary>
internal sealed class LabHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
