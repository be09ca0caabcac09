using System.Globalization;
using System.Text.RegularExpressions;

namespace OobWizard.Probes.Amt.Wsman;

/// <summary>An AMT firmware version (major.minor.hotfix[.build]), as in the Server header or CIM_SoftwareIdentity "AMT".</summary>
public sealed partial record AmtVersion(int Major, int Minor, int Hotfix, int? Build) : IComparable<AmtVersion>
{
    public static AmtVersion? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var match = VersionPattern().Match(text);
        if (!match.Success) return null;
        static int Part(Group g) => g.Success ? int.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        return new AmtVersion(
            Part(match.Groups[1]),
            Part(match.Groups[2]),
            Part(match.Groups[3]),
            match.Groups[4].Success ? Part(match.Groups[4]) : null);
    }

    /// <summary>"Intel(R) Active Management Technology 15.0.23.1706" gives 15.0.23.1706; a bare "AMT" gives null.</summary>
    public static AmtVersion? FromServerHeader(string? server) =>
        server is not null && server.Contains("Active Management Technology", StringComparison.OrdinalIgnoreCase)
            ? Parse(server[(server.IndexOf("Technology", StringComparison.OrdinalIgnoreCase) + "Technology".Length)..])
            : null;

    public int CompareTo(AmtVersion? other)
    {
        if (other is null) return 1;
        var c = Major.CompareTo(other.Major);
        if (c != 0) return c;
        c = Minor.CompareTo(other.Minor);
        return c != 0 ? c : Hotfix.CompareTo(other.Hotfix);
    }

    public override string ToString() =>
        Build is { } b
            ? string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Hotfix}.{b}")
            : string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Hotfix}");

    [GeneratedRegex(@"(\d{1,3})\.(\d{1,3})(?:\.(\d{1,5}))?(?:\.(\d{1,6}))?", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
