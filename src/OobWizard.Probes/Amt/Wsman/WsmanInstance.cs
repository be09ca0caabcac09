using System.Globalization;
using System.Xml.Linq;

namespace OobWizard.Probes.Amt.Wsman;

/// <summary>
/// One CIM instance as returned by Get or Pull: its class name and its properties. A property may repeat
/// (AvailableRequestedPowerStates, LinkPolicy), so each name maps to a list. Complex values (endpoint references)
/// keep their concatenated text only; the probes do not need their structure.
/// </summary>
public sealed class WsmanInstance
{
    private readonly Dictionary<string, List<string>> _properties;

    public WsmanInstance(string className, Dictionary<string, List<string>> properties)
    {
        ClassName = className;
        _properties = properties;
    }

    public string ClassName { get; }

    public IEnumerable<string> PropertyNames => _properties.Keys;

    public static WsmanInstance FromElement(XElement element)
    {
        var properties = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var child in element.Elements())
        {
            var name = child.Name.LocalName;
            if (!properties.TryGetValue(name, out var list))
            {
                list = [];
                properties[name] = list;
            }

            list.Add(child.Value);
        }

        return new WsmanInstance(element.Name.LocalName, properties);
    }

    public string? this[string name] => _properties.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    public IReadOnlyList<string> Values(string name) => _properties.TryGetValue(name, out var values) ? values : [];

    public bool? Bool(string name) => this[name]?.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    public long? Long(string name) =>
        long.TryParse(this[name]?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
