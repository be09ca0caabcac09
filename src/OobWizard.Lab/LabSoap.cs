using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace OobWizard.Lab;

/// <summary>Envelope building and reading for the lab, in the shape of AMT's recorded answers (prefixes a: to h:).</summary>
internal static class LabSoap
{
    public static readonly XNamespace Soap = "http://www.w3.org/2003/05/soap-envelope";
    public static readonly XNamespace Addressing = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static readonly XNamespace Wsman = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public static readonly XNamespace Enumeration = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    public static readonly XNamespace Identity = "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd";

    public const string SoapContentType = "application/soap+xml; charset=UTF-8";

    private static int _messageCounter;

    /// <summary>Parses a request with the same defences the client uses: a device must not be crashable by its peer either.</summary>
    public static XDocument? TryParse(byte[] body)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = body.Length + 1L };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), settings);
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    public static XElement Envelope(string action, string? resourceUri, string? relatesTo, XElement body, params (string Prefix, XNamespace Ns)[] extra)
    {
        var header = new XElement(Soap + "Header",
            new XElement(Addressing + "To", "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"),
            new XElement(Addressing + "RelatesTo", relatesTo ?? "0"),
            new XElement(Addressing + "Action", new XAttribute(Soap + "mustUnderstand", "true"), action),
            new XElement(Addressing + "MessageID", "uuid:00000000-8086-8086-8086-" + Interlocked.Increment(ref _messageCounter).ToString("X12", CultureInfo.InvariantCulture)));
        if (resourceUri is not null)
        {
            header.Add(new XElement(Wsman + "ResourceURI", resourceUri));
        }

        var env = new XElement(Soap + "Envelope",
            new XAttribute(XNamespace.Xmlns + "a", Soap.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "b", Addressing.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "c", Wsman.NamespaceName),
            header,
            new XElement(Soap + "Body", body));
        foreach (var (prefix, ns) in extra)
        {
            env.Add(new XAttribute(XNamespace.Xmlns + prefix, ns.NamespaceName));
        }

        return env;
    }

    public static XElement Fault(string? relatesTo, XNamespace subcodeNs, string subcode, string reason) =>
        Envelope("http://schemas.xmlsoap.org/ws/2004/08/addressing/fault", null, relatesTo,
            new XElement(Soap + "Fault",
                new XElement(Soap + "Code",
                    new XElement(Soap + "Value", "a:Sender"),
                    new XElement(Soap + "Subcode", new XElement(Soap + "Value", PrefixFor(subcodeNs) + ":" + subcode))),
                new XElement(Soap + "Reason", new XElement(Soap + "Text", new XAttribute(XNamespace.Xml + "lang", "en-US"), reason)),
                new XElement(Soap + "Detail")),
            ("e", Enumeration));

    private static string PrefixFor(XNamespace ns) =>
        ns == Addressing ? "b" : ns == Wsman ? "c" : ns == Enumeration ? "e" : "a";

    public static async Task WriteAsync(HttpContext context, int status, XElement envelope)
    {
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + envelope.ToString(SaveOptions.DisableFormatting));
        context.Response.StatusCode = status;
        context.Response.ContentType = SoapContentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>AMT's HTML error page (rps fixture), used for 401/404/400.</summary>
    public static async Task WriteHtmlAsync(HttpContext context, int status, string message)
    {
        var html = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\" ><html lang=\"en\"><head><link rel=stylesheet href=/styles.css>"
            + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><title>Intel&reg; Active Management Technology</title></head>"
            + $"<body><h1>Intel<sup>&reg;</sup> Active Management Technology</h1><h2 class=warn>{System.Net.WebUtility.HtmlEncode(message)}</h2></body></html>";
        var bytes = Encoding.UTF8.GetBytes(html);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }
}
