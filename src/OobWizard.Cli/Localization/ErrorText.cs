using System.Globalization;
using OobWizard.Core.Files;
using OobWizard.Core.Sessions;

namespace OobWizard.Cli.Localization;

/// <summary>
/// An exception's one-line message in the run's language: a file refused for reading
/// (<see cref="InputFileException"/>) or writing (<see cref="FileWriteRefusedException"/>), a session
/// file that cannot be used (<see cref="SessionException"/>), from its key and arguments; any other exception's own (English, from .NET or the OS) message.
/// </summary>
public static class ErrorText
{
    public static string Of(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex switch
        {
            InputFileException { Key: { } key } input => Format(key, input.Args),
            SessionException { Key: { } key } session => Format(key, session.Args),
            FileWriteRefusedException refused => Format(refused.Reason switch
            {
                WriteRefusal.Exists => "file.refused.exists",
                WriteRefusal.NotRegular => "file.refused.not-regular",
                WriteRefusal.NoFolder => "file.refused.no-folder",
                _ => "file.refused.read-only",
            }, refused.Args),
            _ => ex.Message,
        };
    }

    /// <summary>
    /// Why a write through <see cref="AtomicFile"/> failed, in one line: a refusal (<see cref="FileWriteRefusedException"/>,
    /// a missing folder among them) in the run's language, else the system's reason without the temp file's name (<see cref="AtomicFile.Reason"/>).
    /// </summary>
    public static string WriteFailure(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex is FileWriteRefusedException ? Of(ex) : AtomicFile.Reason(ex);
    }

    /// <summary><paramref name="key"/> with its arguments, a <see cref="FileKind"/> or <see cref="ReadLimit"/> named in the run's language.</summary>
    public static string Format(string key, IEnumerable<object?> args) =>
        Messages.Current.Format(key, [.. args.Select(Name)]);

    /// <summary>"a FIFO (named pipe)" and the like, in the run's language.</summary>
    public static string Kind(FileKind kind) => Messages.Current.Format("file.kind." + kind.ToString().ToLowerInvariant());

    /// <summary>"certificate file" and the like (<see cref="ReadLimit.What"/>), in the run's language.</summary>
    public static string What(ReadLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        return Messages.Current.Find("file.what." + limit.What.Replace(' ', '-').ToLowerInvariant()) ?? limit.What;
    }

    /// <summary>
    /// Who holds a session's lock ("PID 4711 on pc01 since 2026-12-01 09:30"), in the run's language, or through
    /// <paramref name="format"/> (key, arguments) in the wizard's (messages.yaml keys are among its UI strings).
    /// </summary>
    public static string Holder(SessionLockHolder holder, Func<string, object?[], string>? format = null)
    {
        ArgumentNullException.ThrowIfNull(holder);
        format ??= Messages.Current.Format;
        var pid = holder.Pid.ToString(CultureInfo.InvariantCulture);
        return holder.Since == DateTimeOffset.MinValue
            ? format("session.lock-holder", [pid, holder.Host])
            : format("session.lock-holder-since", [pid, holder.Host, holder.Since.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)]);
    }

    private static object? Name(object? arg) => arg switch
    {
        FileKind kind => Kind(kind),
        ReadLimit limit => What(limit),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => arg,
    };
}
