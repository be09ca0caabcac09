using System.Xml;
using System.Xml.Linq;

namespace OobWizard.Probes.Amt.Wsman;

/// <summary>
/// Reads XML from the wire defensively: DTDs prohibited (no entity expansion, no external fetches), no resolver,
/// a character cap, a nesting cap, and the caller's cancellation observed while reading, so a hostile or broken
/// device can neither exhaust memory nor keep a core busy after the probe gave up.
/// </summary>
public static class WsmanXml
{
    /// <summary>Default nesting cap: AMT's envelopes nest about eight deep.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>Parses <paramref name="body"/>; throws <see cref="WsmanProtocolException"/> when it is not allowed XML.</summary>
    public static XDocument Parse(ReadOnlyMemory<byte> body, long maxCharacters, int maxDepth = DefaultMaxDepth, CancellationToken cancellationToken = default)
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
            // First pass: the reader's own limits plus depth and cancellation, node by node, keeping nothing.
            using (var scan = XmlReader.Create(new MemoryStream(body.ToArray(), writable: false), settings))
            {
                var nodes = 0;
                while (scan.Read())
                {
                    if (scan.Depth > maxDepth)
                    {
                        throw new WsmanProtocolException($"the response nests elements deeper than {maxDepth} levels (AMT's answers nest about eight)");
                    }

                    if (++nodes % 1024 == 0) cancellationToken.ThrowIfCancellationRequested();
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            // Second pass: the document is now known to be small and shallow, so building the tree is bounded.
            using var reader = XmlReader.Create(new MemoryStream(body.ToArray(), writable: false), settings);
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex)
        {
            throw new WsmanProtocolException($"the response is not well-formed or allowed XML: {ex.Message}", ex);
        }
    }
}
