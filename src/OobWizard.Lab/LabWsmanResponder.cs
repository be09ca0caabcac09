using System.Collections.Concurrent;
using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace OobWizard.Lab;

/// <summary>
/// Answers POST /wsman like AMT: Identify without credentials, everything else behind Digest; Get, Enumerate and
/// Pull of the model's instances; faults for unknown classes, write actions and denied resources.
/// </summary>
internal sealed class LabWsmanResponder
{
    /// <summary>What a power-only account may read (the console then shows the power state and nothing else).</summary>
    private static readonly HashSet<string> PowerClasses = new(StringComparer.Ordinal)
    {
        "CIM_AssociatedPowerManagementService", "CIM_ServiceAvailableToElement", "CIM_PowerManagementService",
    };

    private readonly LabDeviceModel _model;
    private readonly LabDigestAuthenticator _auth;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<LabInstance>> _instances;
    private readonly ConcurrentDictionary<string, Queue<LabInstance>> _enumerations = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private int _enumerationCounter;
    private int _requests;
    private long _busyTicks;
    private int _inFlight;
    private int _peakInFlight;

    public LabWsmanResponder(LabDeviceModel model, LabDigestAuthenticator auth, IReadOnlyDictionary<string, IReadOnlyList<LabInstance>> instances)
    {
        _model = model;
        _auth = auth;
        _instances = instances;
    }

    /// <summary>Requests served, for `lab serve` output and tests.</summary>
    public int RequestCount => _requests;

    /// <summary>Most requests that were in the device at once (a client that respects AMT keeps it at 1).</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    /// <summary>Time spent serving requests (the device's request chain), for timing benchmarks.</summary>
    public TimeSpan BusyTime => TimeSpan.FromTicks(Interlocked.Read(ref _busyTicks));

    public async Task HandleAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int peak;
        while (now > (peak = Volatile.Read(ref _peakInFlight)) && Interlocked.CompareExchange(ref _peakInFlight, now, peak) != peak)
        {
        }

        // Like AMT: one request at a time, each taking ResponseDelay.
        try
        {
            await _oneAtATime.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Decrement(ref _inFlight);
            return;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            if (_model.ResponseDelay > TimeSpan.Zero) await Task.Delay(_model.ResponseDelay, context.RequestAborted).ConfigureAwait(false);
            await ServeAsync(context).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Add(ref _busyTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
            Interlocked.Decrement(ref _inFlight);
            _oneAtATime.Release();
        }
    }

    private async Task ServeAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        context.Response.Headers.Server = _model.ServerHeader;
        if (!string.Equals(context.Request.Path.Value, "/wsman", StringComparison.OrdinalIgnoreCase) || !HttpMethods.IsPost(context.Request.Method))
        {
            await LabSoap.WriteHtmlAsync(context, StatusCodes.Status404NotFound, "Not Found").ConfigureAwait(false);
            return;
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException)
        {
            await LabSoap.WriteHtmlAsync(context, StatusCodes.Status413PayloadTooLarge, "Request too large").ConfigureAwait(false);
            return;
        }

        var doc = LabSoap.TryParse(body);
        var envelopeBody = doc?.Root?.Element(LabSoap.Soap + "Body");
        if (envelopeBody?.Element(LabSoap.Identity + "Identify") is not null && _model.SpeaksWsman)
        {
            await LabSoap.WriteAsync(context, 200, Identify()).ConfigureAwait(false);
            return;
        }

        if (!_auth.Verify(context.Request.Headers.Authorization, context.Request.Method))
        {
            context.Response.Headers.WWWAuthenticate = _auth.Challenge();
            // AMT closes the connection after a 401 (rps fixture), so the client must answer the challenge on a new one.
            context.Response.Headers.Connection = "close";
            await LabSoap.WriteHtmlAsync(context, StatusCodes.Status401Unauthorized,
                "Log on failed. Incorrect user name or password, or user account temporarily locked.").ConfigureAwait(false);
            return;
        }

        if (!_model.SpeaksWsman)
        {
            await LabSoap.WriteHtmlAsync(context, StatusCodes.Status404NotFound, "Not Found").ConfigureAwait(false);
            return;
        }

        if (doc?.Root is null || envelopeBody is null)
        {
            await LabSoap.WriteHtmlAsync(context, StatusCodes.Status400BadRequest, "Bad Request").ConfigureAwait(false);
            return;
        }

        var header = doc.Root.Element(LabSoap.Soap + "Header");
        var action = header?.Element(LabSoap.Addressing + "Action")?.Value.Trim() ?? "";
        var resourceUri = header?.Element(LabSoap.Wsman + "ResourceURI")?.Value.Trim() ?? "";
        var messageId = header?.Element(LabSoap.Addressing + "MessageID")?.Value.Trim();
        var className = resourceUri[(resourceUri.LastIndexOf('/') + 1)..];

        var (status, response) = Dispatch(action, resourceUri, className, messageId, envelopeBody);
        await LabSoap.WriteAsync(context, status, response).ConfigureAwait(false);
    }

    private (int Status, XElement Envelope) Dispatch(string action, string resourceUri, string className, string? messageId, XElement body)
    {
        const string transfer = "http://schemas.xmlsoap.org/ws/2004/09/transfer/";
        const string enumeration = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/";
        var known = action is transfer + "Get" or enumeration + "Enumerate" or enumeration + "Pull";
        if (!known)
        {
            // The lab is read-only like the probes: Put, Create, Delete and Invoke are refused.
            return (400, LabSoap.Fault(messageId, LabSoap.Addressing, "ActionNotSupported", "The action is not supported by the service."));
        }

        if (_model.PowerStateOnly && !PowerClasses.Contains(className))
        {
            return (400, LabSoap.Fault(messageId, LabSoap.Wsman, "AccessDenied", "The sender was not authorized to access the resource."));
        }

        if (action == enumeration + "Pull")
        {
            return Pull(resourceUri, messageId, body);
        }

        if (!_instances.TryGetValue(className, out var instances) || instances.Count == 0)
        {
            return (400, LabSoap.Fault(messageId, LabSoap.Addressing, "DestinationUnreachable",
                "No route can be determined to reach the destination role defined by the WSAddressing To."));
        }

        if (action == transfer + "Get")
        {
            XNamespace ns = resourceUri;
            return (200, LabSoap.Envelope(transfer + "GetResponse", resourceUri, messageId, ToElement(instances[0], ns), ("g", ns)));
        }

        var id = Interlocked.Increment(ref _enumerationCounter).ToString("X2", CultureInfo.InvariantCulture) + "000000-0000-0000-0000-000000000000";
        _enumerations[id] = new Queue<LabInstance>(instances);
        return (200, LabSoap.Envelope(enumeration + "EnumerateResponse", resourceUri, messageId,
            new XElement(LabSoap.Enumeration + "EnumerateResponse", new XElement(LabSoap.Enumeration + "EnumerationContext", id)),
            ("g", LabSoap.Enumeration)));
    }

    private (int, XElement) Pull(string resourceUri, string? messageId, XElement body)
    {
        var e = LabSoap.Enumeration;
        var pull = body.Element(e + "Pull");
        var id = pull?.Element(e + "EnumerationContext")?.Value.Trim() ?? "";
        if (!_enumerations.TryGetValue(id, out var queue))
        {
            return (400, LabSoap.Fault(messageId, e, "InvalidEnumerationContext", "The supplied enumeration context is invalid."));
        }

        var max = int.TryParse(pull?.Element(e + "MaxElements")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 1;
        max = Math.Min(max, Math.Max(1, _model.PullPageSize));
        XNamespace ns = resourceUri;
        var items = new XElement(e + "Items");
        lock (queue)
        {
            for (var i = 0; i < max && queue.Count > 0; i++)
            {
                items.Add(ToElement(queue.Dequeue(), ns));
            }
        }

        var response = new XElement(e + "PullResponse");
        if (queue.Count == 0)
        {
            _enumerations.TryRemove(id, out _);
            response.Add(items, new XElement(e + "EndOfSequence"));
        }
        else
        {
            response.Add(new XElement(e + "EnumerationContext", id), items);
        }

        return (200, LabSoap.Envelope("http://schemas.xmlsoap.org/ws/2004/09/enumeration/PullResponse", resourceUri, messageId, response,
            ("g", e), ("h", ns)));
    }

    private XElement Identify()
    {
        XNamespace id = LabSoap.Identity;
        var version = string.Join('.', _model.FirmwareVersion.Split('.').Take(3));
        return new XElement(LabSoap.Soap + "Envelope",
            new XAttribute(XNamespace.Xmlns + "a", LabSoap.Soap.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "b", id.NamespaceName),
            new XElement(LabSoap.Soap + "Header"),
            new XElement(LabSoap.Soap + "Body",
                new XElement(id + "IdentifyResponse",
                    new XElement(id + "ProtocolVersion", LabSoap.Wsman.NamespaceName),
                    new XElement(id + "ProductVendor", "Intel(r)"),
                    new XElement(id + "ProductVersion", "AMT " + version),
                    new XElement(id + "SecurityProfiles",
                        new XElement(id + "SecurityProfileName", "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/digest")))));
    }

    /// <summary>The instance as AMT writes it; DigestRealm is this device's own (a fleet shares one catalog per scenario).</summary>
    private XElement ToElement(LabInstance instance, XNamespace ns) =>
        new(ns + instance.ClassName, instance.Properties.Select(p => new XElement(ns + p.Key, p.Key == "DigestRealm" ? _auth.Realm : p.Value)));
}
