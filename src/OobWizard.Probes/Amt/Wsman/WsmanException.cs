namespace OobWizard.Probes.Amt.Wsman;

/// <summary>Base of every error the WS-Man client raises, so probes can catch the family and map each kind.</summary>
public abstract class WsmanException : Exception
{
    protected WsmanException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
