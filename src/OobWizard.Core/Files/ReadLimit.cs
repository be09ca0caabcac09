namespace OobWizard.Core.Files;

/// <summary>The most bytes a kind of input file may have (<see cref="What"/> names the kind in messages).</summary>
public sealed record ReadLimit(string What, long MaxBytes)
{
    /// <summary>A saved session. A long walk with every probe's evidence is tens of KB.</summary>
    public static readonly ReadLimit Session = new("session file", 8L << 20);

    /// <summary>A certificate file (PEM or DER, a few certificates; the Debian CA bundle is 220 KB).</summary>
    public static readonly ReadLimit Certificate = new("certificate file", 1L << 20);

    /// <summary>One node's text in one language (the longest shipped page is under 2 KB).</summary>
    public static readonly ReadLimit ContentPage = new("content page", 64L << 10);

    /// <summary>A tree file (tree/*.yaml; the shipped ones are under 10 KB). 4 MiB of YAML is about 150,000 choices and costs the parser about 200 MB.</summary>
    public static readonly ReadLimit TreeFile = new("tree file", 4L << 20);

    /// <summary>A language's ui.yaml (the shipped ones are under 5 KB).</summary>
    public static readonly ReadLimit UiStrings = new("UI strings file", 256L << 10);

    /// <summary>Bytes in the unit a reader understands (512 B, 64 KiB, 8 MiB).</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 20 when bytes % (1L << 20) == 0 => $"{bytes >> 20} MiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        >= 1L << 10 when bytes % (1L << 10) == 0 => $"{bytes >> 10} KiB",
        >= 1L << 10 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes} B",
    };
}
