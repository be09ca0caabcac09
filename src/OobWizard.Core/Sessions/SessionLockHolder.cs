using System.Globalization;

namespace OobWizard.Core.Sessions;

/// <summary>
/// Who has a session open: process id, host name, when it took the lock, and a random token that
/// tells one opening from the next (a process id is reused after a restart). Stored as
/// <c>key=value</c> lines in the lock file; no JSON, nothing secret.
/// </summary>
public sealed record SessionLockHolder(int Pid, string Host, DateTimeOffset Since, string Token)
{
    public static SessionLockHolder ThisProcess(string host, int pid, DateTimeOffset now) =>
        new(pid, host, now, Guid.NewGuid().ToString("N")[..16]);

    public string ToText() =>
        $"pid={Pid.ToString(CultureInfo.InvariantCulture)}\nhost={Host}\nsince={Since.ToString("o", CultureInfo.InvariantCulture)}\ntoken={Token}\n";

    /// <summary>Reads what <see cref="ToText"/> wrote; null for anything else (an empty or foreign file).</summary>
    public static SessionLockHolder? Parse(string text)
    {
        var fields = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        return fields.TryGetValue("pid", out var pid) && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var p)
            && fields.TryGetValue("host", out var host) && host.Length > 0
            && fields.TryGetValue("token", out var token) && token.Length > 0
                ? new SessionLockHolder(
                    p,
                    host,
                    fields.TryGetValue("since", out var since) && DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var s) ? s : DateTimeOffset.MinValue,
                    token)
                : null;
    }

    /// <summary>"PID 1234 on host pc7 since 2026-11-22 10:00" for messages.</summary>
    public string Describe() =>
        $"PID {Pid.ToString(CultureInfo.InvariantCulture)} on {Host}" + (Since == DateTimeOffset.MinValue ? "" : $" since {Since.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}");
}
