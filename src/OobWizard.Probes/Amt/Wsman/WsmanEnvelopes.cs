using System.Xml.Linq;

namespace OobWizard.Probes.Amt.Wsman;

/// <summary>
/// Builds request envelopes in the shape AMT accepts (go-wsman-messages / MeshCommander): SOAP 1.2, WS-Addressing
/// 2004/08, anonymous ReplyTo, OperationTimeout PT60S (AMT enforces a 30 s minimum). Built with XElement so every
/// value is escaped.
/// </summary>
public static class WsmanEnvelopes
{
    private static readonly XNamespace S = WsmanNamespaces.Soap;
    private static readonly XNamespace A = WsmanNamespaces.Addressing;
    private static readonly XNamespace W = WsmanNamespaces.Wsman;
    private static readonly XNamespace E = WsmanNamespaces.Enumeration;

    /// <summary>DSP0226 §11 Identify: no addressing headers, an empty header and the Identify body.</summary>
    public static string Identify()
    {
        var env = new XElement(S + "Envelope",
            new XAttribute(XNamespace.Xmlns + "s", S.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "wsmid", WsmanNamespaces.Identity.NamespaceName),
            new XElement(S + "Header"),
            new XElement(S + "Body", new XElement(WsmanNamespaces.Identity + "Identify")));
        return Serialize(env);
    }

    public static string Get(string resourceUri, int messageId, IReadOnlyDictionary<string, string>? selectors = null) =>
        Serialize(Envelope(WsmanActions.Get, resourceUri, messageId, selectors, body: null));

    public static string Enumerate(string resourceUri, int messageId) =>
        Serialize(Envelope(WsmanActions.Enumerate, resourceUri, messageId, null, new XElement(E + "Enumerate")));

    public static string Pull(string resourceUri, int messageId, string enumerationContext, int maxElements) =>
        Serialize(Envelope(WsmanActions.Pull, resourceUri, messageId, null,
            new XElement(E + "Pull",
                new XElement(E + "EnumerationContext", enumerationContext),
                new XElement(E + "MaxElements", maxElements),
                new XElement(E + "MaxCharacters", 99999))));

    private static XElement Envelope(string action, string resourceUri, int messageId, IReadOnlyDictionary<string, string>? selectors, XElement? body)
    {
        var header = new XElement(S + "Header",
            new XElement(A + "Action", action),
            new XElement(A + "To", "/wsman"),
            new XElement(W + "ResourceURI", resourceUri),
            new XElement(A + "MessageID", messageId),
            new XElement(A + "ReplyTo", new XElement(A + "Address", WsmanNamespaces.AnonymousRole)),
            new XElement(W + "OperationTimeout", "PT60S"));
        if (selectors is { Count: > 0 })
        {
            header.Add(new XElement(W + "SelectorSet",
                selectors.Select(s => new XElement(W + "Selector", new XAttribute("Name", s.Key), s.Value))));
        }

        return new XElement(S + "Envelope",
            new XAttribute(XNamespace.Xmlns + "a", A.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "w", W.NamespaceName),
            new XAttribute("xmlns", S.NamespaceName),
            header,
            new XElement(S + "Body", body));
    }

    private static string Serialize(XElement envelope) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + envelope.ToString(SaveOptions.DisableFormatting);
}
