using OobWizard.Cli.Scan;

namespace OobWizard.Cli.Tests.Scan;

/// <summary>The target list: hosts, CSV with FQDN and notes, and each bad line named as file:line.</summary>
public sealed class ScanTargetListTests
{
    private static ScanTargetList Parse(string text) => ScanTargetList.Parse(new StringReader(text), "site.csv");

    [Fact]
    public void OneHostPerLine_AndCsvWithHeader_QuotesAndComments()
    {
        var list = Parse("\uFEFFhost,fqdn,notes\n# the first floor\n10.0.0.5\n\npc02.corp.example.com:16993 , , \"room 4, by the door\"\n"
            + "10.0.0.7,PC07.corp.example.com.,\"says \"\"hi\"\"\"\r\nhttps://10.0.0.8:16993/wsman\n");

        Assert.Empty(list.Errors);
        Assert.Empty(list.Warnings);
        Assert.Equal(["10.0.0.5", "pc02.corp.example.com:16993", "10.0.0.7", "https://10.0.0.8:16993/wsman"], list.Targets.Select(t => t.Host));
        Assert.Equal([3, 5, 6, 7], list.Targets.Select(t => t.Line));
        var pc02 = list.Targets[1];
        Assert.Equal(("pc02.corp.example.com", 16993, true), (pc02.Spec.Host, pc02.Spec.TlsPort!.Value, pc02.Spec.Tls));
        Assert.Null(pc02.Fqdn);
        Assert.Equal("room 4, by the door", pc02.Notes);
        Assert.Equal("PC07.corp.example.com", list.Targets[2].Fqdn);
        Assert.Equal("says \"hi\"", list.Targets[2].Notes);
        Assert.True(list.Targets[3].Spec.Tls);
    }

    [Fact]
    public void SemicolonsSeparate_WhenTheFirstLineUsesThem()
    {
        var list = Parse("Host;FQDN;Notes\n10.0.0.5;pc05.corp.example.com;Raum 3, Etage 2\n");

        Assert.Empty(list.Errors);
        var t = Assert.Single(list.Targets);
        Assert.Equal(("10.0.0.5", "pc05.corp.example.com", "Raum 3, Etage 2"), (t.Host, t.Fqdn, t.Notes));
    }

    [Fact]
    public void EachBadLine_IsOneErrorNamingFileAndLine()
    {
        var list = Parse("10.0.0.1\npc 01\n10.0.0.2,not a name\n10.0.0.3,a.b,c,d\n10.0.0.4:99999\n\"10.0.0.5\n10.0.0.6,10.0.0.7\nhttp://admin:pw@10.0.0.8/\n"
            + new string('x', ScanTargetList.MaxLineLength + 10) + "\n10.0.0.9\n");

        Assert.Equal(["10.0.0.1", "10.0.0.9"], list.Targets.Select(t => t.Host));
        Assert.Equal(8, list.Errors.Count);
        Assert.Equal("site.csv:2: host 'pc 01': 'pc 01' is not a host name or an IP address", list.Errors[0]);
        Assert.Equal("site.csv:3: FQDN 'not a name' is not a DNS name such as pc01.corp.example.com", list.Errors[1]);
        Assert.StartsWith("site.csv:4: 4 fields;", list.Errors[2], StringComparison.Ordinal);
        Assert.Equal("site.csv:5: host '10.0.0.4:99999': '99999' is not a port (1-65535)", list.Errors[3]);
        Assert.Equal("site.csv:6: a quoted field is not closed", list.Errors[4]);
        Assert.StartsWith("site.csv:7: FQDN '10.0.0.7'", list.Errors[5], StringComparison.Ordinal);
        Assert.StartsWith("site.csv:8: host: put no user or password in the URL", list.Errors[6], StringComparison.Ordinal);
        Assert.StartsWith("site.csv:9: longer than", list.Errors[7], StringComparison.Ordinal);
        Assert.All(list.Errors, e => Assert.DoesNotContain('\n', e));
        Assert.DoesNotContain("pw", string.Join("\n", list.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void AHostListedTwice_IsCheckedOnce_WithAWarningNamingBothLines()
    {
        var list = Parse("10.0.0.1\nPC01.corp.example.com\n10.0.0.1\npc01.corp.example.com\n");

        Assert.Equal(["10.0.0.1", "PC01.corp.example.com"], list.Targets.Select(t => t.Host));
        Assert.Equal(["site.csv:3: 10.0.0.1 is listed again (first on line 1); it is checked once",
            "site.csv:4: pc01.corp.example.com is listed again (first on line 2); it is checked once"], list.Warnings);
        Assert.Empty(list.Errors);
    }

    [Fact]
    public void Shards_SplitTheListSoTheyCoverItOnce()
    {
        var targets = Parse(string.Join("\n", Enumerable.Range(1, 10).Select(i => $"10.0.0.{i}"))).Targets;
        Assert.True(ScanShard.TryParse("2/3", out var two, out _));
        Assert.Equal(["10.0.0.2", "10.0.0.5", "10.0.0.8"], two!.Select(targets).Select(t => t.Host));

        var all = Enumerable.Range(1, 3).SelectMany(k => new ScanShard(k, 3).Select(targets)).Select(t => t.Host).ToList();
        Assert.Equal(targets.Select(t => t.Host).Order(), all.Order());
        Assert.Equal(all.Count, all.Distinct().Count());

        foreach (var bad in new[] { "0/3", "4/3", "3", "a/b", "1/0", "", "1/2/3", "-1/2" })
        {
            Assert.False(ScanShard.TryParse(bad, out _, out var error));
            Assert.StartsWith($"--shard '{bad}': write K/N", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheResumeFile_NamesTheDevicesDone_AndAnIncompleteLineIsChecked()
    {
        var text = "{\"target\":\"10.0.0.1\",\"status\":\"ok\",\"probes\":[]}\n\n{\"target\":\"PC02.corp.example.com\",\"probes\":[{\"id\":\"amt.identify\"}]}\n{\"target\":\"10.0.0.3\",\"probes\":[{\"id\":\"amt.ide";
        var resume = ScanResumeFile.Read(new StringReader(text), "done.jsonl");

        Assert.Null(resume.Error);
        Assert.Equal(new HashSet<string> { "10.0.0.1", "pc02.corp.example.com" }, resume.Done);
        Assert.Equal(["done.jsonl:4: not a whole scan record (a run stopped while writing it?); that device is checked again"], resume.Warnings);

        var wrongFile = ScanResumeFile.Read(new StringReader("host,fqdn,notes\n10.0.0.1\n"), "site.csv");
        Assert.Equal("--resume-from site.csv: no line in it is a scan record; give the JSON Lines that scan --json wrote", wrongFile.Error);
    }
}
