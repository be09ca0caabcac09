namespace OobWizard.Probes.ActiveDirectory;

/// <summary>
/// Runs blocking LDAP work on a thread of its own and waits at most a bound for it. libldap can block in a read
/// that no timeout reaches (a reply cut off half way and never finished); the work is then abandoned, not
/// interrupted: its thread ends, and disposes its connection, when the server lets go. A background thread,
/// so it never keeps the process alive.
/// </summary>
public static class LdapWork
{
    /// <exception cref="DirectoryException">Timeout when the bound passes.</exception>
    /// <exception cref="OperationCanceledException">the caller cancelled.</exception>
    public static Task<T> RunAsync<T>(Func<T> work, TimeSpan bound, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.TrySetResult(work());
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "ldap " + what,
        };
        thread.Start();
        return WaitAsync(done.Task, bound, what, cancellationToken);
    }

    private static async Task<T> WaitAsync<T>(Task<T> task, TimeSpan bound, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await task.WaitAsync(bound, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _ = task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            throw new DirectoryException(LdapFailureKind.Timeout, $"{what}: no complete answer within {bound.TotalSeconds:0.#} s")
            {
                Line = ProbeLine.Of("probe.ldap.no-complete-answer", "", what, bound.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)),
            };
        }
    }
}
