namespace OobWizard.Probes.Amt.Wsman;

/// <summary>The device answered, but not with what WS-Man allows: malformed or DTD-bearing XML, an oversized body, an unexpected status.</summary>
public sealed class WsmanProtocolException : WsmanException
{
    public WsmanProtocolException(string message, Exception? inner = null, int? httpStatus = null) : base(message, inner)
    {
        HttpStatus = httpStatus;
    }

    public int? HttpStatus { get; }
}
