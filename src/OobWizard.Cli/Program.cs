using System.Text;
using OobWizard.Cli;

Console.OutputEncoding = Encoding.UTF8;
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The session is saved after every step; Ctrl+C only has to stop cleanly. A second Ctrl+C
    // ends the process at once, for a read that no token reaches (a terminal's stdin).
    e.Cancel = !cts.IsCancellationRequested;
    cts.Cancel();
};

var host = CliHost.FromProcess();
try
{
    return await CliApp.RunAsync(args, host, cts.Token);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine(CliApp.Interrupted(args, host));
    return 130;
}
