using OobWizard.Cli.Tests.Support;

namespace OobWizard.Cli.Tests;

/// <summary>Every numeric option is checked when the command line is parsed: a usage error naming the flag, exit 2, never a crash later.</summary>
public sealed class NumericOptionTests
{
    public static TheoryData<string[], string> BadValues => new()
    {
        { ["--plain", "--offline", "--timeout", "NaN"], "--timeout" },
        { ["--plain", "--offline", "--timeout", "Infinity"], "--timeout" },
        { ["--plain", "--offline", "--timeout", "-5"], "--timeout" },
        { ["--plain", "--offline", "--timeout", "0"], "--timeout" },
        { ["--plain", "--offline", "--timeout", "1e9"], "--timeout" },
        { ["check", "--target", "127.0.0.1", "--timeout", "NaN"], "--timeout" },
        { ["check", "--target", "127.0.0.1", "--http-port", "70000"], "--http-port" },
        { ["check", "--target", "127.0.0.1", "--http-port", "0"], "--http-port" },
        { ["check", "--target", "127.0.0.1", "--http-port", "-1"], "--http-port" },
        { ["check", "--target", "127.0.0.1", "--tls-port", "65536"], "--tls-port" },
        { ["check", "--target", "127.0.0.1", "--redirection-port", "65535"], "--redirection-port" },
        { ["check", "--target", "127.0.0.1", "--rmcp-port", "99999"], "--rmcp-port" },
        { ["lab", "serve", "--port", "65533"], "--port" },
        { ["lab", "serve", "--port", "-16992"], "--port" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_numeric_option_out_of_range_is_a_usage_error_naming_the_flag(string[] args, string flag)
    {
        using var run = new CliRun();

        run.Run("1\n", args);

        Assert.Equal(2, run.Exit);
        Assert.Contains(flag, run.Err);
        Assert.DoesNotContain("   at ", run.Err);
        Assert.Empty(run.Out);
        Assert.Empty(Directory.GetFiles(run.SessionDir)); // refused before any session was started
    }

    [Theory]
    [InlineData("--timeout", "0.1")]
    [InlineData("--timeout", "300")]
    [InlineData("--timeout", "2.5")]
    public void A_value_in_range_is_taken(string flag, string value)
    {
        using var run = new CliRun();

        run.Run("1\n", "--plain", "--offline", flag, value);

        Assert.Equal(0, run.Exit);
    }
}
