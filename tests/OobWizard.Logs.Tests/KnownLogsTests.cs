namespace OobWizard.Logs.Tests;

public sealed class KnownLogsTests
{
    [Theory]
    [InlineData("SMS_AMT_OPERATION_MANAGER", "Amtopmgr.log")]
    [InlineData("sms_amt_proxy_component", "Amtproxymgr.log")]
    [InlineData("OOBConsole", "Oobconsole.log")]
    [InlineData("Oobconsole", "Oobconsole.log")]
    [InlineData("oobmgmt", "Oobmgmt.log")]
    public void AComponent_NamesItsLog(string component, string log)
    {
        Assert.Equal(log, KnownLogs.ByComponent(component)?.Name);
    }

    [Theory]
    [InlineData("SMS_SITE_COMPONENT_MANAGER")]
    [InlineData("")]
    [InlineData(null)]
    public void AnotherComponent_NamesNone(string? component)
    {
        Assert.Null(KnownLogs.ByComponent(component));
    }

    [Theory]
    [InlineData("PC01_Oobconsole (1).log", "Oobconsole.log")]
    [InlineData(@"C:\tickets\4711\AMTOPMGR.LO_", "Amtopmgr.log")]
    [InlineData("amtopmgr-from-ticket-4711.txt", "Amtopmgr.log")]
    [InlineData("x/amtproxymgr.log", "Amtproxymgr.log")]
    public void AFileName_HintsAtALog_WhenItContainsItsName(string path, string log)
    {
        Assert.Equal(log, KnownLogs.ByFileName(path)?.Name);
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("-")]
    [InlineData("")]
    public void OtherNames_HintAtNone(string path)
    {
        Assert.Null(KnownLogs.ByFileName(path));
    }
}
