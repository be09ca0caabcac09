using System.Security.Cryptography;
using System.Text;

namespace OobWizard.Probes;

/// <summary>
/// Keeps a fleet scan from locking out a site's account with a wrong password. Every device of a scan has its own
/// <see cref="ProbeRun"/> (AMT's lockout counts per device, and one device provisioned by someone else must not stop
/// the password going to the others), and all of them share this gate. Until some device has accepted a user/password
/// pair, it is on probation: at most <see cref="Probation"/> devices may have a Digest answer with it in flight or
/// refused, and the others wait before they send theirs. The first device that accepts it opens the gate for all. If
/// <see cref="Probation"/> devices refuse it and none accepted it, the gate closes (<see cref="Closed"/>): that is a
/// site-wide refusal (a wrong password, or a domain account that a few more tries would lock), and no further device
/// is sent the pair unless the user overrules (<see cref="Overrule"/>). So a wrong password costs at most
/// <see cref="Probation"/> refused Digest answers on the whole site. Only a SHA-256 of the pair is kept, in memory.
/// </summary>
public sealed class SiteCredentialGate
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, PairState> _pairs = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="probation">Refusals (with no acceptance) that close the gate, and the most unproven answers in flight at once; 1 or more.</param>
    public SiteCredentialGate(int probation = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(probation, 1);
        Probation = probation;
    }

    /// <summary>How many devices may refuse a pair no device accepted before the gate closes.</summary>
    public int Probation { get; }

    /// <summary>Completes with the refused user name when the gate closes; stays pending while it is open.</summary>
    public Task<string> Closed => _closed.Task;

    /// <summary>Whether the gate is closed (and not overruled) for this pair.</summary>
    public bool IsClosed(string user, string password)
    {
        lock (_lock)
        {
            return _pairs.TryGetValue(Key(user, password), out var s) && s.IsClosed(Probation);
        }
    }

    /// <summary>
    /// Waits until this device may send a Digest answer made from the pair: at once when some device accepted it (or
    /// the user overruled a refusal); while it is on probation, when one of the <see cref="Probation"/> places is free;
    /// never while the gate is closed (the caller's token ends the wait). Dispose the permit when the answer was
    /// accepted or refused (<see cref="SiteCredentialPermit.Accepted"/>, <see cref="SiteCredentialPermit.Refused"/>) or could not be sent.
    /// </summary>
    public async Task<SiteCredentialPermit> AdmitAsync(string user, string password, CancellationToken cancellationToken)
    {
        var key = Key(user, password);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (!_pairs.TryGetValue(key, out var state))
                {
                    state = new PairState();
                    _pairs[key] = state;
                }

                if (state.Accepted || state.Overruled) return new SiteCredentialPermit(this, key, user, probation: false);
                if (!state.IsClosed(Probation) && state.InFlight + state.Refusals < Probation)
                {
                    state.InFlight++;
                    return new SiteCredentialPermit(this, key, user, probation: true);
                }

                changed = state.Changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The user chose to go on after a site-wide refusal: every device gets one try with the pair.</summary>
    public void Overrule(string user, string password)
    {
        lock (_lock)
        {
            var key = Key(user, password);
            if (!_pairs.TryGetValue(key, out var state))
            {
                state = new PairState();
                _pairs[key] = state;
            }

            state.Overruled = true;
            state.Signal();
        }
    }

    internal void Finish(string key, string user, bool probation, bool? accepted)
    {
        lock (_lock)
        {
            var state = _pairs[key];
            if (probation) state.InFlight--;
            if (accepted == true) state.Accepted = true;
            if (accepted == false && !state.Accepted) state.Refusals++;
            if (state.IsClosed(Probation)) _closed.TrySetResult(user);
            state.Signal();
        }
    }

    private static string Key(string user, string password) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user + "\0" + password)));

    private sealed class PairState
    {
        public bool Accepted { get; set; }

        public bool Overruled { get; set; }

        public int Refusals { get; set; }

        public int InFlight { get; set; }

        public TaskCompletionSource Changed { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsClosed(int probation) => !Accepted && !Overruled && Refusals >= probation;

        public void Signal()
        {
            var old = Changed;
            Changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            old.TrySetResult();
        }
    }
}
