namespace OobWizard.Probes.Amt.Wsman;

/// <summary>WS-Addressing action URIs of the read-only operations (DSP0226 §7, §8). No Put, Create or Invoke.</summary>
public static class WsmanActions
{
    public const string Get = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get";
    public const string GetResponse = "http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse";
    public const string Enumerate = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate";
    public const string EnumerateResponse = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/EnumerateResponse";
    public const string Pull = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull";
    public const string PullResponse = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/PullResponse";
    public const string Fault = "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault";
    public const string WsmanFault = "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault";
}
