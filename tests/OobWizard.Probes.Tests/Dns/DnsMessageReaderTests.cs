using System.Net;
using OobWizard.Probes.Dns.Wire;
using Xunit;

namespace OobWizard.Probes.Tests.Dns;

public sealed class DnsMessageReaderTests
{
    [Fact]
    public void DnsmasqA_DecodesHeaderQuestionAndRecordWithTtl()
    {
        var m = DnsMessageReader.Read(CapturedAnswers.Dnsmasq_A_pc01);

        Assert.Equal(0x1234, m.Header.Id);
        Assert.True(m.Header.IsResponse);
        Assert.True(m.Header.Authoritative);
        Assert.False(m.Header.Truncated);
        Assert.Equal(DnsResponseCode.NoError, m.Header.ResponseCode);
        Assert.Equal(new DnsQuestion("pc01.fabrikam.test", DnsRecordType.A), Assert.Single(m.Questions));
        var a = Assert.IsType<ARecord>(Assert.Single(m.Answers));
        Assert.Equal("pc01.fabrikam.test", a.Name);
        Assert.Equal(300u, a.Ttl);
        Assert.Equal(IPAddress.Parse("127.0.0.10"), a.Address);
        Assert.Equal("pc01.fabrikam.test 300 A 127.0.0.10", a.ToString());
    }

    [Fact]
    public void DnsmasqCname_OwnerOfTheARecordPointsIntoTheCnameRdata()
    {
        var m = DnsMessageReader.Read(CapturedAnswers.Dnsmasq_Cname_provisionserver);

        var cname = Assert.IsType<CnameRecord>(m.Answers[0]);
        Assert.Equal("provisionserver.fabrikam.test", cname.Name);
        Assert.Equal("sccm01.fabrikam.test", cname.Target);
        Assert.Equal(120u, cname.Ttl);
        var a = Assert.IsType<ARecord>(m.Answers[1]);
        Assert.Equal("sccm01.fabrikam.test", a.Name);
        Assert.Equal(IPAddress.Parse("127.0.0.30"), a.Address);
    }

    [Fact]
    public void DnsmasqRoundRobin_BothARecords()
    {
        var m = DnsMessageReader.Read(CapturedAnswers.Dnsmasq_A_rr);

        var addresses = m.Answers.Cast<ARecord>().Select(a => a.Address.ToString()).Order().ToArray();
        Assert.Equal(["127.0.0.11", "127.0.0.12"], addresses);
    }

    [Fact]
    public void DnsmasqSrv_DecodesPriorityWeightPortTargetAndAdditionalA()
    {
        var m = DnsMessageReader.Read(CapturedAnswers.Dnsmasq_Srv_ldap);

        var srv = Assert.IsType<SrvRecord>(Assert.Single(m.Answers));
        Assert.Equal((0, 100, 389, "dc01.fabrikam.test"), ((int)srv.Priority, (int)srv.Weight, (int)srv.Port, srv.Target));
        var glue = Assert.IsType<ARecord>(Assert.Single(m.Additionals));
        Assert.Equal(3600u, glue.Ttl);
    }

    [Fact]
    public void DnsmasqTxt_TwoCharacterStrings()
    {
        var txt = Assert.IsType<TxtRecord>(Assert.Single(DnsMessageReader.Read(CapturedAnswers.Dnsmasq_Txt_txt1).Answers));

        Assert.Equal(["hello world", "second string"], txt.Strings);
        Assert.Equal("\"hello world\" \"second string\"", txt.DataText);
    }

    [Fact]
    public void DnsmasqPtr_ReverseName()
    {
        var ptr = Assert.IsType<PtrRecord>(Assert.Single(DnsMessageReader.Read(CapturedAnswers.Dnsmasq_Ptr_10).Answers));

        Assert.Equal("10.0.0.127.in-addr.arpa", ptr.Name);
        Assert.Equal("pc01.fabrikam.test", ptr.Target);
    }

    [Fact]
    public void DnsmasqNxDomain_NoRecordsNotAuthoritative()
    {
        var m = DnsMessageReader.Read(CapturedAnswers.Dnsmasq_NxDomain_pc99);

        Assert.Equal(DnsResponseCode.NXDomain, m.Header.ResponseCode);
        Assert.False(m.Header.Authoritative);
        Assert.Empty(m.Answers);
        Assert.Empty(m.Authorities);
    }

    [Theory]
    [InlineData(nameof(CapturedAnswers.Dnsmasq_Truncated_big))]
    [InlineData(nameof(CapturedAnswers.Bind_Truncated_big))]
    public void TruncatedUdpAnswers_HaveTcSetAndStillParse(string capture)
    {
        var bytes = (byte[])typeof(CapturedAnswers).GetField(capture)!.GetValue(null)!;
        var m = DnsMessageReader.Read(bytes);

        Assert.True(m.Header.Truncated);
        Assert.True(bytes.Length <= 512);
    }

    [Fact]
    public void BindOverTcp_All40RecordsOfTheLargeAnswer()
    {
        var m = DnsMessageReader.Read(CapturedAnswers.Bind_Tcp_big);

        Assert.False(m.Header.Truncated);
        Assert.Equal(40, m.Answers.OfType<ARecord>().Count(a => a.Name == "big.fabrikam.test"));
        Assert.True(CapturedAnswers.Bind_Tcp_big.Length > 512);
    }

    [Fact]
    public void BindNxDomain_AuthoritativeWithSoaInAuthority()
    {
        var m = DnsMessageReader.Read(CapturedAnswers.Bind_NxDomain_pc99);

        Assert.Equal(DnsResponseCode.NXDomain, m.Header.ResponseCode);
        Assert.True(m.Header.Authoritative);
        var soa = Assert.IsType<SoaRecord>(Assert.Single(m.Authorities));
        Assert.Equal("fabrikam.test", soa.Name);
        Assert.Equal("ns1.fabrikam.test", soa.PrimaryServer);
        Assert.Equal("hostmaster.fabrikam.test", soa.ResponsibleMailbox);
        Assert.Equal((2026112201u, 3600u, 600u, 86400u, 300u), (soa.Serial, soa.Refresh, soa.Retry, soa.Expire, soa.Minimum));
    }

    [Fact]
    public void BindAaaa_Ipv6Address()
    {
        var aaaa = Assert.IsType<AaaaRecord>(Assert.Single(DnsMessageReader.Read(CapturedAnswers.Bind_Aaaa_ds).Answers));

        Assert.Equal(IPAddress.Parse("fd00::27"), aaaa.Address);
    }

    [Fact]
    public void BindSoaAndNs_ZoneApex()
    {
        var soa = Assert.IsType<SoaRecord>(Assert.Single(DnsMessageReader.Read(CapturedAnswers.Bind_Soa_zone).Answers));
        Assert.Equal("fabrikam.test", soa.Name);

        var ns = DnsMessageReader.Read(CapturedAnswers.Bind_Ns_zone);
        Assert.Equal("ns1.fabrikam.test", Assert.IsType<NsRecord>(Assert.Single(ns.Answers)).Host);
        Assert.Contains(ns.Additionals, r => r is ARecord { Name: "ns1.fabrikam.test" } a && a.Address.Equals(IPAddress.Parse("127.0.0.4")));
    }

    [Fact]
    public void BindPtrSrvTxt_Decode()
    {
        Assert.Equal("oldname.fabrikam.test", Assert.IsType<PtrRecord>(Assert.Single(DnsMessageReader.Read(CapturedAnswers.Bind_Ptr_23).Answers)).Target);
        Assert.Equal("dc02.na.corp.fabrikam.test", Assert.IsType<SrvRecord>(Assert.Single(DnsMessageReader.Read(CapturedAnswers.Bind_Srv_ldap_na).Answers)).Target);
        Assert.Equal(2, Assert.IsType<TxtRecord>(Assert.Single(DnsMessageReader.Read(CapturedAnswers.Bind_Txt_txt1).Answers)).Strings.Count);
    }

    [Fact]
    public void EveryCapture_RewritesToBytesThatReadBackEqual()
    {
        foreach (var field in typeof(CapturedAnswers).GetFields())
        {
            var original = DnsMessageReader.Read((byte[])field.GetValue(null)!);
            var again = DnsMessageReader.Read(DnsMessageWriter.Write(original));

            Assert.Equal(original.Header, again.Header);
            Assert.Equal(original.Questions, again.Questions);
            Assert.Equal(original.Answers.Select(r => r.ToString()), again.Answers.Select(r => r.ToString()));
            Assert.Equal(original.Authorities.Select(r => r.ToString()), again.Authorities.Select(r => r.ToString()));
            Assert.Equal(original.Additionals.Select(r => r.ToString()), again.Additionals.Select(r => r.ToString()));
        }
    }

    [Fact]
    public void UnknownType_KeptAsRawData()
    {
        var w = new DnsWriter();
        DnsMessageWriter.WriteRecord(w, new UnknownRecord("x.test", (DnsRecordType)65280, 1, 60, new byte[] { 1, 2, 3 }));
        var r = DnsMessageReader.ReadRecord(new DnsReader(w.ToArray()));

        var u = Assert.IsType<UnknownRecord>(r);
        Assert.Equal([1, 2, 3], u.Data.ToArray());
        Assert.Equal("x.test 60 TYPE65280 \\# 3 010203", u.ToString());
    }

    [Fact]
    public void EdnsOptRecord_KeptAsUnknown()
    {
        // OPT pseudo-record in the additional section (RFC 6891 section 6.1.2): root owner, CLASS = payload size.
        var w = new DnsWriter();
        DnsMessageWriter.WriteRecord(w, new UnknownRecord(".", DnsRecordType.OPT, 1232, 0, Array.Empty<byte>()));
        var opt = Assert.IsType<UnknownRecord>(DnsMessageReader.ReadRecord(new DnsReader(w.ToArray())));

        Assert.Equal(".", opt.Name);
        Assert.Equal(1232, opt.Class);
        Assert.Equal(0, opt.Data.Length);
    }

    public static TheoryData<string, byte[]> ShortRdata => new()
    {
        { "A with 3 bytes", [127, 0, 0] },
        { "A with 5 bytes", [127, 0, 0, 1, 9] },
        { "AAAA with 4 bytes", [127, 0, 0, 1] },
        { "SOA with names only", [0, 0] },
        { "SRV with 5 bytes", [0, 0, 0, 0, 0] },
        { "TXT with a string longer than RDATA", [5, (byte)'a'] },
        { "CNAME empty", [] },
        { "PTR with label past RDATA", [3, (byte)'a'] },
        { "NS with trailing byte", [0, 0] },
    };

    [Theory]
    [MemberData(nameof(ShortRdata))]
    public void RdataNotMatchingItsType_IsAFormatError(string what, byte[] rdata)
    {
        var type = what.Split(' ')[0] switch
        {
            "A" => DnsRecordType.A,
            "AAAA" => DnsRecordType.AAAA,
            "SOA" => DnsRecordType.SOA,
            "SRV" => DnsRecordType.SRV,
            "TXT" => DnsRecordType.TXT,
            "CNAME" => DnsRecordType.CNAME,
            "PTR" => DnsRecordType.PTR,
            _ => DnsRecordType.NS,
        };
        var bytes = DnsPackets.Record("x.test", type, rdata);

        Assert.Throws<DnsFormatException>(() => DnsMessageReader.ReadRecord(new DnsReader(bytes)));
    }

    [Fact]
    public void EmptyTxt_HasNoStrings()
    {
        var txt = Assert.IsType<TxtRecord>(DnsMessageReader.ReadRecord(new DnsReader(DnsPackets.Record("x.test", DnsRecordType.TXT, []))));

        Assert.Empty(txt.Strings);
    }
}
