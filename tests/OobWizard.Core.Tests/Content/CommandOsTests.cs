using System.Text.RegularExpressions;
using OobWizard.Core.Content;
using OobWizard.Core.Tests.Support;

namespace OobWizard.Core.Tests.Content;

/// <summary>
/// A command is given for the Windows versions that have it: in the paragraph or list item that
/// names it, the text names one of those versions, and a text that gives a command that not every
/// supported service point has also gives the other version's command.
/// </summary>
public sealed partial class CommandOsTests
{
    /// <summary>command -> the Windows versions that have it (as the text names them), and the command for the others.</summary>
    public static readonly (string Command, string[] Names, string Counterpart)[] Commands =
    [
        // netsh winhttp exists from Windows Vista and Windows Server 2008 on; before that, proxycfg.
        ("netsh winhttp", ["Windows Server 2008", "Vista"], "proxycfg"),
        ("proxycfg", ["Windows Server 2003", "Windows XP"], "netsh winhttp"),
    ];

    private static readonly Lazy<ContentSet> Shipped = new(() => ContentLoader.Load(RepoContent.Directory));

    [GeneratedRegex(@"^\s*([-*]|\d+\.)\s")]
    private static partial Regex ListItem();

    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>();
        foreach (var lang in Languages.All)
        {
            foreach (var id in Shipped.Value.Texts[lang].Keys.Order(StringComparer.Ordinal))
            {
                data.Add($"{lang}/{id}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Each_command_is_given_with_the_windows_version_that_has_it(string text)
    {
        var (lang, id) = (text[..2], text[3..]);
        var body = Shipped.Value.Texts[lang][id].Body;
        foreach (var block in Blocks(body))
        {
            foreach (var (command, names, _) in Commands.Where(c => block.Contains(c.Command, StringComparison.Ordinal)))
            {
                Assert.True(names.Any(n => block.Contains(n, StringComparison.Ordinal)), $"{text}: `{command}` without the Windows version that has it ({string.Join(" / ", names)}) in: {block}");
            }
        }

        foreach (var (command, _, counterpart) in Commands.Where(c => body.Contains(c.Command, StringComparison.Ordinal)))
        {
            Assert.True(body.Contains(counterpart, StringComparison.Ordinal), $"{text}: gives `{command}` but not `{counterpart}` for the other Windows versions");
        }
    }

    [Fact]
    public void The_winhttp_proxy_fix_is_given_for_both_service_point_versions()
    {
        foreach (var lang in Languages.All)
        {
            var body = Shipped.Value.Text(lang, "prov.winhttp-proxy").Body;
            Assert.Contains("netsh winhttp reset proxy", body, StringComparison.Ordinal);
            Assert.Contains("proxycfg -d", body, StringComparison.Ordinal);
        }
    }

    /// <summary>Paragraphs and list items (a list item's continuation lines belong to it).</summary>
    private static IEnumerable<string> Blocks(string body)
    {
        var current = new List<string>();
        foreach (var line in body.Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line) || ListItem().IsMatch(line))
            {
                if (current.Count > 0)
                {
                    yield return string.Join(' ', current);
                }

                current.Clear();
            }

            if (!string.IsNullOrWhiteSpace(line))
            {
                current.Add(line.Trim());
            }
        }

        if (current.Count > 0)
        {
            yield return string.Join(' ', current);
        }
    }
}
