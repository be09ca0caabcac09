using System.Xml;
using System.Xml.Linq;

namespace OobWizard.Probes.Amt.Wsman;

/// <summary>
/// Reads XML from the wire defensively: DTDs prohibited (no entity expansion, no external fetches), no resolver,
/// and a character cap, so a hostile or broken device cannot exhaust memory or reach out through us.
/// </summary>
public static class WsmanXml
{
    public static XDocument Parse(ReadOnlyMemory<byte> body, long maxCharacters)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex)
        {
            throw new WsmanProtocolException($"the response is not well-formed or allowed XML: {ex.Message}", ex);
        }
    }
}
