namespace OobWizard.Probes.Amt.Wsman;

/// <summary>A SOAP/WS-Man fault (DSP0226 §14): the code, the subcode that names the fault, and the reason text.</summary>
public sealed class WsmanFaultException : WsmanException
{
    public WsmanFaultException(string code, string subcode, string reason, string? detail, int httpStatus)
        : base($"WS-Man fault {subcode}: {reason}")
    {
        Code = code;
        Subcode = subcode;
        Reason = reason;
        Detail = detail;
        HttpStatus = httpStatus;
    }

    /// <summary>Local name of Code/Value, for example <c>Sender</c> or <c>Receiver</c>.</summary>
    public string Code { get; }

    /// <summary>Local name of Code/Subcode/Value, for example <c>DestinationUnreachable</c> or <c>AccessDenied</c>.</summary>
    public string Subcode { get; }

    public string Reason { get; }

    public string? Detail { get; }

    public int HttpStatus { get; }

    /// <summary>DSP0226's fault for an authenticated user who lacks rights to the resource.</summary>
    public bool IsAccessDenied => string.Equals(Subcode, "AccessDenied", StringComparison.Ordinal);
}
