using System.Net;
using System.Security.Cryptography;

namespace OobWizard.Lab.Fleet;

/// <summary>
/// One address of a <see cref="LabFleet"/>: a scenario's device, or a silent address (<see cref="Scenario"/> null).
/// A device's own state (its Digest realm and nonces, its one-request-at-a-time gate, its counters) is made at its
/// first request, so an idle fleet of ten thousand costs little more than its address table; the model, the CIM
/// instances and the TLS certificate are shared by every device of a scenario.
/// </summary>
public sealed class LabFleetDevice
{
    private readonly LabFleetScenario? _shared;
    private readonly LabCredentials _credentials;
    private LabWsmanResponder? _responder;
    private LabDigestAuthenticator? _auth;
    private readonly Lock _lock = new();

    internal LabFleetDevice(int index, IPAddress address, LabFleetScenario? shared, LabCredentials credentials)
    {
        Index = index;
        Address = address;
        _shared = shared;
        _credentials = credentials;
    }

    /// <summary>Position in the fleet, from 0, in address order.</summary>
    public int Index { get; }

    public IPAddress Address { get; }

    /// <summary>The scenario this device plays; null for a silent address.</summary>
    public LabScenario? Scenario => _shared?.Scenario;

    /// <summary>The mix name: the scenario's name, or <see cref="LabFleetMix.Silent"/>.</summary>
    public string Name => Scenario?.Name ?? LabFleetMix.Silent;

    /// <summary>
    /// The FQDN the console knows the computer by (the OS's name, as the demo uses): what a target list's FQDN column
    /// carries. Null for a silent address.
    /// </summary>
    public string? ExpectedFqdn => _shared is null ? null : _shared.Model.HostOsFqdn ?? _shared.Model.Fqdn;

    /// <summary>WS-Man requests this device served (any status); 0 before its first.</summary>
    public int RequestCount => Volatile.Read(ref _responder)?.RequestCount ?? 0;

    /// <summary>Most WS-Man requests at this device at once: 1 for a client that respects AMT's one at a time.</summary>
    public int PeakInFlight => Volatile.Read(ref _responder)?.PeakInFlight ?? 0;

    /// <summary>Digest answers with a password this device refused.</summary>
    public int RefusedAuthorizations => Volatile.Read(ref _auth)?.Refused ?? 0;

    /// <summary>Digest answers this device accepted.</summary>
    public int AcceptedAuthorizations => Volatile.Read(ref _auth)?.Accepted ?? 0;

    internal LabFleetScenario? Shared => _shared;

    /// <summary>The device's responder, made at its first request; null for a silent address.</summary>
    internal LabWsmanResponder? Responder()
    {
        if (_shared is null) return null;
        if (Volatile.Read(ref _responder) is { } made) return made;
        lock (_lock)
        {
            if (_responder is not null) return _responder;
            var realm = "Digest:" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            // A device provisioned by someone else knows a password the caller does not.
            var password = _shared.Model.RefusesCallerCredentials ? "Other-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)) : _credentials.Password;
            var auth = new LabDigestAuthenticator(realm, _credentials.User, password);
            Volatile.Write(ref _auth, auth);
            var responder = new LabWsmanResponder(_shared.Model, auth, _shared.Instances);
            Volatile.Write(ref _responder, responder);
            return responder;
        }
    }

    public override string ToString() => $"{Name} at {Address}";
}
