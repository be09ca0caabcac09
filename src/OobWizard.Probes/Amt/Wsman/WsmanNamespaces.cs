using System.Xml.Linq;

namespace OobWizard.Probes.Amt.Wsman;

/// <summary>
/// XML namespaces and resource-URI prefixes of the WS-Man subset AMT speaks (DSP0226, WS-Addressing 2004/08,
/// WS-Enumeration/Transfer 2004/09). Responses are parsed by these namespaces, never by prefix: AMT's prefixes
/// (a:..i:) shift from class to class.
/// </summary>
public static class WsmanNamespaces
{
    public static readonly XNamespace Soap = "http://www.w3.org/2003/05/soap-envelope";
    public static readonly XNamespace Addressing = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static readonly XNamespace Wsman = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public static readonly XNamespace Enumeration = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    public static readonly XNamespace Transfer = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    public static readonly XNamespace Identity = "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd";

    public const string AnonymousRole = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";

    public const string AmtPrefix = "http://intel.com/wbem/wscim/1/amt-schema/1/";
    public const string CimPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    public const string IpsPrefix = "http://intel.com/wbem/wscim/1/ips-schema/1/";

    /// <summary>The resource URI of a class, choosing the prefix from its AMT_/CIM_/IPS_ name.</summary>
    public static string ResourceUri(string className)
    {
        ArgumentException.ThrowIfNullOrEmpty(className);
        if (className.StartsWith("AMT_", StringComparison.Ordinal)) return AmtPrefix + className;
        if (className.StartsWith("IPS_", StringComparison.Ordinal)) return IpsPrefix + className;
        if (className.StartsWith("CIM_", StringComparison.Ordinal)) return CimPrefix + className;
        throw new ArgumentException($"class {className} has no AMT_, CIM_ or IPS_ prefix", nameof(className));
    }

    /// <summary>The class name at the end of a resource URI.</summary>
    public static string ClassName(string resourceUri)
    {
        var slash = resourceUri.LastIndexOf('/');
        return slash < 0 ? resourceUri : resourceUri[(slash + 1)..];
    }
}
