namespace OobWizard.Logs;

/// <summary>
/// What <see cref="LogScanner.Scan"/> found about one input: its physical <see cref="Lines"/>, the
/// <see cref="Encoding"/> read, whether lines without any signature token were skipped
/// (<see cref="Filtered"/>), the log its entries' components name (null when none does), and, when
/// filtered, the SIMD path and how many positions passed the fingerprint test (for measurements).
/// </summary>
public sealed record LogScanResult(long Lines, string Encoding, bool Filtered, LogRecognition? Recognized, string? Search = null, long Candidates = 0);
