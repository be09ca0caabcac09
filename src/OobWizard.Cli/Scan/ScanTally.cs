using OobWizard.Probes;

namespace OobWizard.Cli.Scan;

/// <summary>
/// What a scan has found so far, kept as counts and a few example hosts per group, never the devices' reports (a scan
/// of ten thousand keeps its memory flat): devices per status, per suggested diagnosis, and per probe verdict that is
/// not a pass. Safe to add to from many devices at once and to read while they run.
/// </summary>
public sealed class ScanTally
{
    /// <summary>Example hosts kept per group.</summary>
    public const int Examples = 2;

    private readonly Lock _lock = new();
    private readonly int[] _byStatus = new int[Enum.GetValues<ScanStatus>().Length];
    private readonly Dictionary<string, Group> _diagnoses = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Probe, string Verdict, ProbeOutcome Outcome), Group> _verdicts = [];
    private int _done;
    private int _withFindings;

    /// <summary>Devices checked.</summary>
    public int Done => Volatile.Read(ref _done);

    /// <summary>Devices with at least one finding (including refused and unreachable ones).</summary>
    public int WithFindings => Volatile.Read(ref _withFindings);

    /// <summary>Devices whose check found something wrong or could not run a probe (the scan then exits 1).</summary>
    public int NotOk
    {
        get
        {
            lock (_lock)
            {
                return _done - _byStatus[(int)ScanStatus.Ok];
            }
        }
    }

    public void Add(ScanDeviceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var host = result.Target.Host;
        lock (_lock)
        {
            _done++;
            _byStatus[(int)result.Status]++;
            if (result.Report.Count(ProbeOutcome.Finding) > 0) _withFindings++;
            foreach (var d in result.Report.SuggestedDiagnoses) Count(_diagnoses, d, host);
            foreach (var r in Counted(result).Select(r => (r.ProbeId, r.Verdict, r.Outcome)).Distinct())
            {
                Count(_verdicts, r, host);
            }
        }
    }

    /// <summary>
    /// The results of a device that count in <see cref="ByVerdict"/>: every one but a pass, except that on a device
    /// that stopped early (unreachable, not AMT, password refused) the AMT probes that could not run because of it
    /// are the consequence, not verdicts of their own; its findings and its DNS results still count.
    /// </summary>
    private static IEnumerable<ProbeResult> Counted(ScanDeviceResult result)
    {
        var stoppedEarly = result.Status is ScanStatus.Unreachable or ScanStatus.NotAmt or ScanStatus.Refused;
        return result.Report.Entries.Select(e => e.Result).Where(r => r.Outcome != ProbeOutcome.Pass
            && !(stoppedEarly && r.Outcome is ProbeOutcome.Error or ProbeOutcome.Inconclusive && r.ProbeId.StartsWith("amt.", StringComparison.Ordinal)));
    }

    public int Count(ScanStatus status)
    {
        lock (_lock)
        {
            return _byStatus[(int)status];
        }
    }

    /// <summary>Diagnosis ids with the devices they were suggested for, most devices first.</summary>
    public IReadOnlyList<(string Diagnosis, int Devices, IReadOnlyList<string> Examples)> ByDiagnosis()
    {
        lock (_lock)
        {
            return _diagnoses.OrderByDescending(g => g.Value.Devices).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Value.Devices, (IReadOnlyList<string>)g.Value.Hosts.ToList())).ToList();
        }
    }

    /// <summary>Findings and errors by probe and verdict: findings first, then errors; most devices first within each.</summary>
    public IReadOnlyList<(string Probe, string Verdict, ProbeOutcome Outcome, int Devices, IReadOnlyList<string> Examples)> ByVerdict()
    {
        lock (_lock)
        {
            return _verdicts.Where(g => g.Key.Outcome != ProbeOutcome.Inconclusive)
                .OrderBy(g => g.Key.Outcome == ProbeOutcome.Finding ? 0 : 1)
                .ThenByDescending(g => g.Value.Devices).ThenBy(g => g.Key.Probe, StringComparer.Ordinal).ThenBy(g => g.Key.Verdict, StringComparer.Ordinal)
                .Select(g => (g.Key.Probe, g.Key.Verdict, g.Key.Outcome, g.Value.Devices, (IReadOnlyList<string>)g.Value.Hosts.ToList())).ToList();
        }
    }

    /// <summary>Probes that could not decide, with how many devices each, most first (an option missing, such as --root-ca, shows here).</summary>
    public IReadOnlyList<(string Probe, int Devices)> Undecided()
    {
        lock (_lock)
        {
            return _verdicts.Where(g => g.Key.Outcome == ProbeOutcome.Inconclusive).OrderByDescending(g => g.Value.Devices).ThenBy(g => g.Key.Probe, StringComparer.Ordinal)
                .Select(g => (g.Key.Probe, g.Value.Devices)).ToList();
        }
    }

    private static void Count<TKey>(Dictionary<TKey, Group> groups, TKey key, string host)
        where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var group))
        {
            group = new Group();
            groups[key] = group;
        }

        group.Devices++;
        if (group.Hosts.Count < Examples) group.Hosts.Add(host);
    }

    private sealed class Group
    {
        public int Devices { get; set; }

        public List<string> Hosts { get; } = new(Examples);
    }
}
