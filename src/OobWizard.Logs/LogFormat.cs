namespace OobWizard.Logs;

/// <summary>Which line format an entry was read from.</summary>
public enum LogFormat
{
    /// <summary>A line in no known format (kept as it is, so its text can still match).</summary>
    Plain,

    /// <summary><c>&lt;![LOG[message]LOG]!&gt;&lt;time="…" date="…" component="…" type="n" …&gt;</c>, possibly over several lines.</summary>
    Ccm,

    /// <summary><c>message  $$&lt;COMPONENT&gt;&lt;MM-DD-YYYY HH:MM:SS.mmm+BIAS&gt;&lt;thread=N (0xH)&gt;</c>.</summary>
    SmsTrace,

    /// <summary>CMTrace's "Copy to Clipboard" text: message, component, date and time, thread (tabs or spaces).</summary>
    Clipboard,

    /// <summary>The unframed <c>&lt;MAXIMUM LOG FILE SIZE REACHED - FILE RENAMED&gt;</c> line that ends a rotated <c>.lo_</c> file.</summary>
    RotationMarker,
}
