namespace OobWizard.Probes.Amt.Wsman;

/// <summary>No complete answer within the call's time bound (a silent listener, a filtered port).</summary>
public sealed class WsmanTimeoutException : WsmanException
{
    public WsmanTimeoutException(TimeSpan timeout, Exception? inner = null)
        : base($"no answer within {timeout.TotalSeconds:0.#} s", inner)
    {
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }
}
