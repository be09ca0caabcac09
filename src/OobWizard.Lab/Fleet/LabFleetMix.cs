using System.Globalization;

namespace OobWizard.Lab.Fleet;

/// <summary>
/// What a fleet is made of: scenario names with weights (<c>healthy=70,cert-hash-missing=10,silent=5</c>), plus
/// <see cref="Silent"/>, an address where nothing answers. Weights are shares, not percentages: they are scaled to the
/// fleet's size (largest remainder, so the counts add up exactly) and the devices are dealt out in a shuffled order
/// fixed by a seed, so the unhealthy ones are spread through the address range and two runs with the same seed
/// agree.
/// </summary>
public sealed class LabFleetMix
{
    /// <summary>The mix name of an address where nothing answers: every SYN is dropped and no RMCP pong comes.</summary>
    public const string Silent = "silent";

    /// <summary>The mix used when none is given: mostly healthy, a share of common problems, a few silent addresses.</summary>
    public const string DefaultText = "healthy=80,cert-hash-missing=5,redirection-disabled=3,renamed=2,power-state-only=2,other-management-solution=1,cert-expired=2,silent=5";

    private LabFleetMix(IReadOnlyList<(string Name, int Weight)> parts)
    {
        Parts = parts;
    }

    /// <summary>Each part's name (a scenario or <see cref="Silent"/>) and weight, in the order given.</summary>
    public IReadOnlyList<(string Name, int Weight)> Parts { get; }

    public static LabFleetMix Default { get; } = Parse(DefaultText, out _)!;

    /// <summary>
    /// Parses <c>NAME=WEIGHT,...</c>. Null with <paramref name="error"/> (one line naming the part) when a name is not a
    /// scenario, a weight is not a whole number 0-1000000, a name repeats, the weights add up to 0, or the scenario
    /// needs its own port layout (tls-only's closed 16992 cannot be shown by a listener shared with other addresses).
    /// </summary>
    public static LabFleetMix? Parse(string? text, out string error)
    {
        error = "";
        var parts = new List<(string, int)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = raw.IndexOf('=', StringComparison.Ordinal);
            var name = (eq < 0 ? raw : raw[..eq]).Trim();
            var weightText = eq < 0 ? "" : raw[(eq + 1)..].Trim();
            if (!int.TryParse(weightText, NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight > 1_000_000)
            {
                error = $"--mix '{raw}': write NAME=WEIGHT with a whole number, for example healthy=70";
                return null;
            }

            if (!string.Equals(name, Silent, StringComparison.OrdinalIgnoreCase))
            {
                if (LabScenarios.Find(name) is not { } scenario)
                {
                    error = $"--mix '{raw}': no lab scenario '{name}' (see `oobwizard lab list`; '{Silent}' is an address where nothing answers)";
                    return null;
                }

                if (scenario.CreateModel().TlsOnly)
                {
                    error = $"--mix '{raw}': {scenario.Name} needs port 16992 closed on its address, which a listener shared by the whole fleet cannot show; run it alone with `oobwizard lab serve --scenario {scenario.Name}`";
                    return null;
                }

                name = scenario.Name;
            }
            else
            {
                name = Silent;
            }

            if (!seen.Add(name))
            {
                error = $"--mix: {name} is given twice";
                return null;
            }

            parts.Add((name, weight));
        }

        if (parts.Sum(p => (long)p.Item2) == 0)
        {
            error = "--mix: give at least one NAME=WEIGHT with a weight above 0, for example healthy=90,silent=10";
            return null;
        }

        return new LabFleetMix(parts);
    }

    /// <summary>How many of <paramref name="count"/> devices each part gets (largest remainder; they add up to <paramref name="count"/>).</summary>
    public IReadOnlyList<(string Name, int Count)> Counts(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var total = Parts.Sum(p => (long)p.Weight);
        var exact = Parts.Select(p => (p.Name, Floor: (int)(count * (long)p.Weight / total), Remainder: count * (long)p.Weight % total)).ToList();
        var left = count - exact.Sum(e => e.Floor);
        var order = exact.Select((e, i) => (e.Remainder, i)).OrderByDescending(x => x.Remainder).ThenBy(x => x.i).Take(left).Select(x => x.i).ToHashSet();
        return exact.Select((e, i) => (e.Name, e.Floor + (order.Contains(i) ? 1 : 0))).ToList();
    }

    /// <summary>The part name of each of <paramref name="count"/> devices, in address order, shuffled by <paramref name="seed"/>.</summary>
    public IReadOnlyList<string> Deal(int count, int seed)
    {
        var names = new List<string>(count);
        foreach (var (name, n) in Counts(count))
        {
            for (var i = 0; i < n; i++) names.Add(name);
        }

        // Fisher-Yates with a seeded generator: the same seed deals the same fleet.
        var random = new Random(seed);
        for (var i = names.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (names[i], names[j]) = (names[j], names[i]);
        }

        return names;
    }

    public override string ToString() => string.Join(',', Parts.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name}={p.Weight}")));
}
