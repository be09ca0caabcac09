using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OobWizard.Probes.Amt;
using OobWizard.Probes.Amt.Wsman;
using Xunit;

namespace OobWizard.Probes.Tests.Amt;

public sealed class AmtVersionTests
{
    [Theory]
    [InlineData("Intel(R) Active Management Technology 15.0.23.1706", "15.0.23.1706")]
    [InlineData("Intel(R) Active Management Technology 2.6.3", "2.6.3")]
    [InlineData("AMT", null)]
    [InlineData("Microsoft-HTTPAPI/2.0", null)]
    [InlineData(null, null)]
    public void ServerHeader_GivesTheFullFirmwareVersion(string? header, string? expected) =>
        Assert.Equal(expected, AmtVersion.FromServerHeader(header)?.ToString());

    [Theory]
    [InlineData("AMT 8.1.57", 8, 1, 57)]
    [InlineData("AMT 10.0.47", 10, 0, 47)]
    [InlineData("12.0.67", 12, 0, 67)]
    public void IdentifyAndSoftwareIdentityVersions_Parse(string text, int major, int minor, int hotfix) =>
        Assert.Equal(new AmtVersion(major, minor, hotfix, null), AmtVersion.Parse(text));

    [Theory]
    [InlineData("2.6.3", false)]
    [InlineData("3.0.0", false)]
    [InlineData("3.2.0", false)]
    [InlineData("3.2.1", true)]
    [InlineData("5.0.3", true)]
    [InlineData("5.2.10", true)]
    public void NativeSupport_StartsAt321(string version, bool supported) =>
        Assert.All(ConfigMgrAmtSupport.Rules, rule => Assert.Equal(supported, ConfigMgrAmtSupport.IsSupported(rule, AmtVersion.Parse(version)!)));

    private static Arbitrary<AmtVersion> Versions
    {
        get
        {
            var part = Gen.Choose(0, 999);
            return Gen.Zip(Gen.Zip(part, part), Gen.Zip(part, Gen.Choose(0, 99999)))
                .Select(t => new AmtVersion(t.Item1.Item1, t.Item1.Item2, t.Item2.Item1, t.Item2.Item2))
                .ToArbitrary();
        }
    }

    [Property(MaxTest = 500)]
    public Property Versions_RoundTripThroughText() =>
        Prop.ForAll(Versions, v =>
            AmtVersion.Parse(v.ToString()) == v
            && AmtVersion.FromServerHeader("Intel(R) Active Management Technology " + v) == v);

    [Property(MaxTest = 500)]
    public Property Versions_OrderLikeTheirParts() =>
        Prop.ForAll(Versions, Versions, (a, b) =>
            Math.Sign(a.CompareTo(b)) == Math.Sign((a.Major, a.Minor, a.Hotfix).CompareTo((b.Major, b.Minor, b.Hotfix))));
}
