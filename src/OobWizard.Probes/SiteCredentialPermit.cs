namespace OobWizard.Probes;

/// <summary>Leave to send one Digest answer; say how it ended, or dispose it unanswered.</summary>
public sealed class SiteCredentialPermit : IDisposable
{
    private readonly SiteCredentialGate _gate;
    private readonly string _key;
    private readonly string _user;
    private readonly bool _probation;
    private int _done;

    internal SiteCredentialPermit(SiteCredentialGate gate, string key, string user, bool probation)
    {
        _gate = gate;
        _key = key;
        _user = user;
        _probation = probation;
    }

    /// <summary>The device accepted the pair: the gate opens for every device.</summary>
    public void Accepted() => End(true);

    /// <summary>The device refused the pair (HTTP 401 to the Digest answer).</summary>
    public void Refused() => End(false);

    /// <summary>Ends the permit; unanswered (a timeout, a dropped connection) when neither was said.</summary>
    public void Dispose() => End(null);

    private void End(bool? accepted)
    {
        if (Interlocked.Exchange(ref _done, 1) == 0) _gate.Finish(_key, _user, _probation, accepted);
    }
}
