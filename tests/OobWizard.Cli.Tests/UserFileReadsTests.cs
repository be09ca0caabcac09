using System.Text.RegularExpressions;
using OobWizard.Cli.Tests.Support;

namespace OobWizard.Cli.Tests;

/// <summary>
/// Holds issue 10's "special files are read whole / reads that cannot be stopped" as a kind: every file a user or a
/// support team can point at is read through <c>OobWizard.Core.Files.InputFile</c> (regular files only, FIFOs and
/// devices refused before opening, a cap per kind in <c>ReadLimit</c>). This reads the source of <c>src/</c> and fails
/// on any other way of opening a file outside <c>src/OobWizard.Core/Files/</c>, unless the allow-list below says why
/// that place reads no user file. A new reader of user files goes through InputFile (add a ReadLimit kind if needed).
/// </summary>
public sealed partial class UserFileReadsTests
{
    /// <summary>The one place that opens files.</summary>
    private const string OnePlace = "src/OobWizard.Core/Files/";

    /// <summary>Ways .NET opens a file by its path (or could: a StreamReader over anything but an in-memory stream).</summary>
    private static readonly (string What, Regex Pattern)[] Reads =
    [
        ("File.Open*/ReadAll*/ReadLines*", FileStatic()),
        ("new FileStream", NewFileStream()),
        ("new StreamReader", NewStreamReader()),
        ("FileInfo.Open*", FileInfoOpen()),
        ("X509 certificate from a file", X509FromFile()),
        ("MemoryMappedFile.CreateFromFile", MemoryMapped()),
        ("XML from a path", XmlFromPath()),
    ];

    /// <summary>
    /// Places that match a pattern above but read no file a user names, each with why. An entry that no longer
    /// matches anything fails the test too: delete it when its place is gone or moved onto InputFile.
    /// </summary>
    private static readonly (string File, string What, string Why)[] Allowed =
    [
        // Log files are opened by LogsCommand through InputFile.OpenRead; the Logs project only decodes the stream.
        ("src/OobWizard.Logs/LogFile.cs", "new StreamReader", "decodes a log stream InputFile opened (no path of its own)"),
        ("src/OobWizard.Logs/LogScanner.cs", "new StreamReader", "decodes a log stream InputFile opened (no path of its own)"),

        // The lab's own HTTP server reading a request body from the network, not a file.
        ("src/OobWizard.Lab/LabScriptedServer.cs", "new StreamReader", "an HTTP request body of the lab's server"),
    ];

    [Fact]
    public void Every_user_file_is_read_through_InputFile()
    {
        var hits = Scan(Path.Combine(Repo.Root, "src"));

        var unexplained = hits.Where(h => !Allowed.Any(a => a.File == h.File && a.What == h.What)).ToList();
        Assert.True(unexplained.Count == 0,
            "read these through OobWizard.Core.Files.InputFile (ReadAllText/ReadAllBytes/OpenText with a ReadLimit), or, if they read no file a user names, add them to the allow-list with why:\n"
            + string.Join("\n", unexplained.Select(h => $"  {h.File}:{h.Line}: {h.What}: {h.Text}")));

        var stale = Allowed.Where(a => !hits.Any(h => h.File == a.File && h.What == a.What)).ToList();
        Assert.True(stale.Count == 0, "allow-list entries that match nothing any more (delete them):\n" + string.Join("\n", stale.Select(a => $"  {a.File}: {a.What}")));
    }

    /// <summary>The patterns find what they are meant to: each line here is a way to open a file, and each must be found.</summary>
    [Theory]
    [InlineData("var text = File.ReadAllText(path);", "File.Open*/ReadAll*/ReadLines*")]
    [InlineData("var bytes = await System.IO.File.ReadAllBytesAsync(path, ct);", "File.Open*/ReadAll*/ReadLines*")]
    [InlineData("foreach (var l in File.ReadLines(p))", "File.Open*/ReadAll*/ReadLines*")]
    [InlineData("using var s = File.OpenRead(p);", "File.Open*/ReadAll*/ReadLines*")]
    [InlineData("using var h = File.OpenHandle(p);", "File.Open*/ReadAll*/ReadLines*")]
    [InlineData("using var s = new FileStream(path, FileMode.Open);", "new FileStream")]
    [InlineData("using var r = new StreamReader(path, detectEncodingFromByteOrderMarks: true);", "new StreamReader")]
    [InlineData("using var s = new FileInfo(p).OpenRead();", "FileInfo.Open*")]
    [InlineData("using var s = info.Open(FileMode.Open);", "FileInfo.Open*")]
    [InlineData("var c = X509CertificateLoader.LoadCertificateFromFile(caFile);", "X509 certificate from a file")]
    [InlineData("var b = X509CertificateLoader.LoadPkcs12CollectionFromFile(p, pw);", "X509 certificate from a file")]
    [InlineData("var c = X509Certificate2.CreateFromPemFile(p);", "X509 certificate from a file")]
    [InlineData("collection.ImportFromPemFile(p);", "X509 certificate from a file")]
    [InlineData("using var m = MemoryMappedFile.CreateFromFile(p);", "MemoryMappedFile.CreateFromFile")]
    [InlineData("var d = XDocument.Load(path);", "XML from a path")]
    [InlineData("using var x = XmlReader.Create(path, settings);", "XML from a path")]
    public void A_way_to_open_a_file_is_found(string line, string what)
    {
        Assert.Contains(Reads, r => r.What == what && r.Pattern.IsMatch(line));
    }

    /// <summary>...and what reads no file is not (in-memory bodies, InputFile itself, comments).</summary>
    [Theory]
    [InlineData("using var reader = XmlReader.Create(new MemoryStream(body), settings);")]
    [InlineData("return XDocument.Load(reader, LoadOptions.None);")]
    [InlineData("using var r = new StreamReader(new MemoryStream(bytes));")]
    [InlineData("var text = InputFile.ReadAllText(path, ReadLimit.Session);")]
    [InlineData("using var stream = InputFile.OpenRead(path);")]
    [InlineData("/// <see cref=\"File.ReadAllText(string)\"/> is not used here")]
    [InlineData("// File.ReadAllText would read /dev/zero forever")]
    public void What_reads_no_file_is_not_found(string line)
    {
        Assert.Empty(Matches(line));
    }

    private static List<(string File, int Line, string What, string Text)> Scan(string src)
    {
        Assert.True(Directory.Exists(Path.Combine(Repo.Root, OnePlace)), "the source tree was not found at " + src);
        var hits = new List<(string, int, string, string)>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repo.Root, file).Replace('\\', '/');
            if (relative.StartsWith(OnePlace, StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var what in Matches(lines[i]))
                {
                    hits.Add((relative, i + 1, what, lines[i].Trim()));
                }
            }
        }

        return hits;
    }

    private static IEnumerable<string> Matches(string line)
    {
        var code = line.TrimStart();
        if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith("*", StringComparison.Ordinal) || code.StartsWith("/*", StringComparison.Ordinal))
        {
            return [];
        }

        var comment = code.IndexOf("//", StringComparison.Ordinal);
        if (comment >= 0 && !code[..comment].Contains('"', StringComparison.Ordinal)) code = code[..comment];
        return Reads.Where(r => r.Pattern.IsMatch(code)).Select(r => r.What).ToList();
    }

    [GeneratedRegex(@"\bFile\.(Open\w*|ReadAll\w*|ReadLines\w*)\s*\(")]
    private static partial Regex FileStatic();

    [GeneratedRegex(@"\bnew\s+FileStream\s*\(")]
    private static partial Regex NewFileStream();

    [GeneratedRegex(@"\bnew\s+StreamReader\s*\((?!\s*new\s+MemoryStream\b)")]
    private static partial Regex NewStreamReader();

    [GeneratedRegex(@"\.(OpenRead|OpenText|OpenWrite)\s*\(\s*\)|\.Open\s*\(\s*FileMode\b")]
    private static partial Regex FileInfoOpen();

    [GeneratedRegex(@"\bX509CertificateLoader\.\w*FromFile\b|\b(CreateFromPemFile|CreateFromEncryptedPemFile|ImportFromPemFile|ImportFromEncryptedPemFile|CreateFromCertFile|CreateFromSignedFile)\b")]
    private static partial Regex X509FromFile();

    [GeneratedRegex(@"\bMemoryMappedFile\.CreateFromFile\b")]
    private static partial Regex MemoryMapped();

    [GeneratedRegex(@"\b(XmlReader\.Create|XDocument\.Load|XElement\.Load|XmlDocument\.Load)\s*\((?!\s*(new\s+MemoryStream\b|reader\b))")]
    private static partial Regex XmlFromPath();
}
