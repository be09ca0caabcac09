using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using OobWizard.Cli.Localization;
using OobWizard.Core.Files;

namespace OobWizard.Cli;

/// <summary>
/// Checks an option's value when the command line is parsed, so a bad value is a usage error
/// (one line naming the flag, exit 2) and never a crash later, halfway through a session. Every
/// numeric option goes through <see cref="InRange{T}(Option{T}, T, T, string)"/> (NaN, infinities
/// and values outside the range are refused); every file option a command reads through
/// <see cref="RegularFile"/>.
/// </summary>
public static class OptionValidation
{
    /// <summary>Refuses values outside [<paramref name="min"/>, <paramref name="max"/>] and, for floating point, NaN and infinities.</summary>
    /// <param name="unit">What the number counts, for the message: a key of messages.yaml (<c>unit.seconds</c>, <c>unit.port</c>) or, when no key has that name, the words themselves.</param>
    public static Option<T> InRange<T>(this Option<T> option, T min, T max, string unit)
        where T : struct, INumber<T>
    {
        option.Validators.Add(result => Check(result, option.Name, min, max, unit));
        return option;
    }

    /// <inheritdoc cref="InRange{T}(Option{T}, T, T, string)"/>
    public static Option<T?> InRange<T>(this Option<T?> option, T min, T max, string unit)
        where T : struct, INumber<T>
    {
        option.Validators.Add(result => Check(result, option.Name, min, max, unit));
        return option;
    }

    /// <summary>A TCP or UDP port: 1 to <paramref name="max"/> (65535 unless the next ports are taken too).</summary>
    public static Option<int?> Port(this Option<int?> option, int max = 65535) => option.InRange(1, max, "unit.port");

    /// <summary>The file must exist, be a regular file (not a FIFO, a device, a folder) and fit <paramref name="limit"/>.</summary>
    public static Option<FileInfo> RegularFile(this Option<FileInfo> option, ReadLimit limit)
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (FileError(token.Value, limit) is { } error) result.AddError($"{option.Name}: {error}");
            }
        });
        return option;
    }

    /// <summary>Every file given must exist, be a regular file (not a FIFO, a device, a folder) and fit <paramref name="limit"/>; the first bad one is named.</summary>
    public static Argument<FileInfo[]> RegularFiles(this Argument<FileInfo[]> argument, ReadLimit limit)
    {
        argument.Validators.Add(result =>
        {
            // One line for the first bad file: a shell glob that caught a folder or a device should not flood the screen.
            if (result.Tokens.Select(t => FileError(t.Value, limit)).FirstOrDefault(e => e is not null) is { } error) result.AddError(error);
        });
        return argument;
    }

    private static string? FileError(string path, ReadLimit limit)
    {
        var (kind, size) = FileKinds.Of(path);
        return kind switch
        {
            FileKind.Missing => ErrorText.Format("file.missing", [path]),
            FileKind.Directory => ErrorText.Format("file.folder", [path]),
            not FileKind.Regular => ErrorText.Format("file.not-regular", [path, kind]),
            _ when size > limit.MaxBytes => ErrorText.Format("file.too-large", [path, ReadLimit.Format(size), limit, ReadLimit.Format(limit.MaxBytes)]),
            _ => null,
        };
    }

    private static void Check<T>(OptionResult result, string name, T min, T max, string unit)
        where T : struct, INumber<T>
    {
        foreach (var token in result.Tokens)
        {
            // The parser's own conversion reports words that are no number at all; this catches the numbers it accepts.
            if (!T.TryParse(token.Value, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            if (!T.IsFinite(value) || value < min || value > max)
            {
                var what = Messages.Current.Find(unit) ?? unit;
                result.AddError(name + ": " + Messages.Current.Format("error.out-of-range", token.Value, what, min, max));
            }
        }
    }
}
