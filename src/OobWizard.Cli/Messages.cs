using System.Collections.Concurrent;
using System.Globalization;
using OobWizard.Core.Content;

namespace OobWizard.Cli;

/// <summary>
/// The sentences a command prints, in the run's language: <c>&lt;lang&gt;/messages.yaml</c> of the
/// content in use (--content, OOBW_CONTENT, the per-user folder, else embedded), chosen by --lang,
/// else LC_ALL/LC_MESSAGES/LANG. A key the language lacks is shown in English and recorded in
/// <see cref="Fallbacks"/> (tests assert it stays empty; lint reports the missing key); a key
/// English lacks too is shown as the key itself. Numbers are formatted with the invariant culture.
/// <see cref="Current"/> is set once per run by <see cref="CliApp.RunAsync"/> and flows into the
/// command's tasks.
/// </summary>
public sealed class Messages
{
    private static readonly AsyncLocal<Messages?> CurrentRun = new();
    private static readonly Lazy<Messages> BuiltInEnglish = new(() => Load(EmbeddedContent.Source, Languages.Default));

    private readonly IReadOnlyDictionary<string, string> _strings;
    private readonly IReadOnlyDictionary<string, string> _english;
    private readonly ConcurrentDictionary<string, byte> _fallbacks = new(StringComparer.Ordinal);

    public Messages(string language, IReadOnlyDictionary<string, string> strings, IReadOnlyDictionary<string, string> english)
    {
        Language = language;
        _strings = strings;
        _english = english;
    }

    /// <summary>This run's messages; the built-in English ones outside a run (unit tests of a formatter).</summary>
    public static Messages Current => CurrentRun.Value ?? BuiltInEnglish.Value;

    /// <summary>en, de or ja.</summary>
    public string Language { get; }

    /// <summary>Keys shown in English (or as the key) because this language lacks them, in no order.</summary>
    public IReadOnlyCollection<string> Fallbacks => [.. _fallbacks.Keys];

    /// <summary>Makes <paramref name="messages"/> the current run's (for the calling async flow).</summary>
    public static void Use(Messages messages) => CurrentRun.Value = messages;

    /// <summary>Whether English (the source language) has <paramref name="key"/>: for text that has an English source elsewhere (a lab scenario's summary) and a message only once someone wrote one.</summary>
    public bool Has(string key) => _english.ContainsKey(key);

    /// <summary>The messages of <paramref name="language"/> from <paramref name="source"/>; files it lacks or cannot read fall back to the built-in ones.</summary>
    public static Messages Load(IContentSource source, string language)
    {
        ArgumentNullException.ThrowIfNull(source);
        var issues = new List<ContentIssue>();
        var english = MessagesFile.Read(source, Languages.Default + "/" + MessagesFile.Name, issues)
            ?? (source == EmbeddedContent.Source ? [] : MessagesFile.Read(EmbeddedContent.Source, Languages.Default + "/" + MessagesFile.Name, issues) ?? []);
        var strings = language == Languages.Default ? english
            : MessagesFile.Read(source, language + "/" + MessagesFile.Name, issues)
              ?? (source == EmbeddedContent.Source ? [] : MessagesFile.Read(EmbeddedContent.Source, language + "/" + MessagesFile.Name, issues) ?? []);
        return new Messages(language, strings, english);
    }

    /// <summary>The message <paramref name="key"/> with {0}-style <paramref name="args"/>; a broken translation falls back to English, then to the key and arguments: never a crash.</summary>
    public string this[string key, params object?[] args] => Format(key, args);

    public string Format(string key, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_strings.TryGetValue(key, out var text) && TryFormat(text, args) is { } done)
        {
            return done;
        }

        _fallbacks.TryAdd(key, 0);
        if (_english.TryGetValue(key, out var english) && TryFormat(english, args) is { } fallback)
        {
            return fallback;
        }

        return args.Length == 0 ? key : key + ": " + string.Join(", ", args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)));
    }

    /// <summary>The text of <paramref name="key"/> as it stands (no formatting), falling back to English like <see cref="Format"/>; null when English lacks it too.</summary>
    public string? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_strings.TryGetValue(key, out var text))
        {
            return text;
        }

        if (_english.TryGetValue(key, out var english))
        {
            _fallbacks.TryAdd(key, 0);
            return english;
        }

        return null;
    }

    /// <summary>The English text of <paramref name="key"/> as it stands, null when English lacks it (e.g. to recognise a library's English message).</summary>
    public string? English(string key) => _english.TryGetValue(key ?? throw new ArgumentNullException(nameof(key)), out var text) ? text : null;

    /// <summary>One of several forms by count: <paramref name="key"/>.one for 1, else <paramref name="key"/>.many; languages without plural forms give both the same text.</summary>
    public string Count(string key, int n, params object?[] more) =>
        Format(key + (n == 1 ? ".one" : ".many"), [n, .. more]);

    private static string? TryFormat(string text, object?[] args)
    {
        if (args.Length == 0)
        {
            return text; // shown as it is, like a ui.yaml string without arguments
        }

        try
        {
            return string.Format(CultureInfo.InvariantCulture, text, args);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
