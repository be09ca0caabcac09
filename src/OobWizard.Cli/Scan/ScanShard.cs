using System.Globalization;

namespace OobWizard.Cli.Scan;

/// <summary>
/// `--shard K/N`: this run checks every Nth target of the list, starting with the Kth (1-based, in list order after
/// comments, the header and repeated hosts are dropped). N machines given the same list and shards 1/N to N/N check
/// every target exactly once between them, so their JSON Lines merge by concatenation.
/// </summary>
public sealed record ScanShard(int Index, int Count)
{
    public static ScanShard All { get; } = new(1, 1);

    public static bool TryParse(string? text, out ScanShard? shard, out string error)
    {
        shard = null;
        error = "";
        var parts = (text ?? "").Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || n is < 1 or > 100_000 || k < 1 || k > n)
        {
            error = ScanText.BadShard(text);
            return false;
        }

        shard = new ScanShard(k, n);
        return true;
    }

    /// <summary>The targets of this shard, in list order.</summary>
    public IReadOnlyList<ScanTarget> Select(IReadOnlyList<ScanTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return Count == 1 ? targets : targets.Where((_, i) => i % Count == Index - 1).ToList();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
