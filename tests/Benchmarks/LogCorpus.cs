using System.Globalization;
using System.Text;

namespace OobWizard.Benchmarks;

/// <summary>
/// Writes a large, realistic ConfigMgr 2007 out-of-band log corpus for the log-triage benchmark: an
/// Amtopmgr.log-like mix of SMS trace lines (service point work, status messages, warnings and errors
/// that are no known signature) with Oobconsole.log-like CCM lines, CRLF, a multi-line CCM message now
/// and then, the informational "Send request … ProvisionServer" line every few thousand lines, and a
/// line that some signature matches about once in 10 000 lines. Deterministic for a seed. The messages'
/// wording follows ../shared/reference/configmgr-logs.md and the seeds; host names are made up.
/// The corpus is generated, never committed.
/// </summary>
public static class LogCorpus
{
    private static readonly string[] ServicePoint =
    [
        "Discovering AMT device {h}.~~",
        "AMT Discovery Worker: Wakes up to process instruction files~~",
        "AMT Discovery Worker: There are {n} tasks in pending list~~",
        "CSMSAMTDiscoveryTask::Execute - discover {ip}~~",
        "Ping {ip} successfully.~~",
        "Session to {h} opened over port 16993.~~",
        "Session to {h} closed.~~",
        "Provisioning task for {h} started (first-stage provisioning).~~",
        "Provisioning task for {h} completed successfully.~~",
        "STATMSG: ID=7203 SEV=I LEV=M SOURCE=\"SMS Server\" COMP=\"SMS_AMT_OPERATION_MANAGER\" SYS=SITESRV SITE=P01 PID=2880 TID={n} GMTDATE=Tue Feb 22 17:58:13.027 2011 ISTR0=\"{h}\" ISTR1=\"\" NUMATTRS=0~~",
        "CStateMsgReporter::DeliverMessages - Queued message: TT=1201 TIDT=0 TID='{g}' SID=3 MUF=0 PCNT=2, P1='{h}' P2='' P3='' P4='' P5=''~~",
        "Auto-worker thread: sleeping for 300 seconds.~~",
        "The provisioning certificate with the thumbprint 0123456789ABCDEF0123456789ABCDEF01234567 is valid for another {n} day(s).~~",
        "AMT operation: power state of {h} is S0 (powered on).~~",
        "Audit log of {h} read: {n} records.~~",
        "Found the certificate template for the AMT web server certificate; request submitted for {h}.~~",
        "Update provisioning data in management controller memory of {h}: queued.~~",
        "Network configuration of {h}: DHCP enabled, DNS suffix corp.example.com.~~",
        "Connecting to the AMT device {h} with TLS (mutual authentication off).~~",
        "WSMAN call to {h} completed in {n} ms.~~",
    ];

    private static readonly string[] Noise =
    [
        "Warning: the AMT device {h} did not answer the discovery request in time; it will be retried.~~",
        "Error: AMT device {h} is not reachable (retry {n} of 3).~~",
        "Error: failed to read the audit log of {h}, result 0x8007{x}.~~",
    ];

    private static readonly string[] Console =
    [
        "Connecting to {h} over port 16993",
        "Connected to {h}",
        "GetAMTPowerState succeeded, power state S0",
        "Reading the event log of {h}: {n} entries",
        "Serial over LAN session closed by the user",
        "Disconnected from {h}",
    ];

    private static readonly string[] Matching =
    [
        "Error: Device internal error. This may be caused by:~1. Schannel hotfix applied that can send our root certificate in provisioning certificate chain.~2. incorrect network configuration(DHCP option 6 and 15 required for AMT firmware).~~",
        "Error:cannot put change to AMT_RedirectionService instance.~~",
        "Error 0x80090308 returned by InitializeSecurityContext during follow up TLS handshaking with server.~~",
        "Error: Can not finish WSMAN call with target device. 1. Check if there is a winhttp proxy to block connection.~~",
        "Error: Missed device certificate. To provision device with TLS server or Mutual authentication mode, device certificate is required.~~",
        "GetAMTPowerState fail with result: 0x800703E3",
    ];

    /// <summary>Writes about <paramref name="bytes"/> bytes (whole lines) to <paramref name="path"/>; overwrites it.</summary>
    public static void Write(string path, long bytes, int seed = 2011)
    {
        var random = new Random(seed);
        var hosts = Enumerable.Range(1, 500).Select(i => string.Create(CultureInfo.InvariantCulture, $"pc{i:000}.corp.example.com")).ToArray();
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 20);
        var time = new DateTime(2011, 2, 22, 8, 0, 0);
        long written = 0;
        for (long n = 1; written < bytes; n++)
        {
            time = time.AddMilliseconds(random.Next(1, 400));
            string message;
            var ccm = false;
            if (n % 10_007 == 0)
            {
                message = Matching[random.Next(Matching.Length)];
                ccm = message.StartsWith("GetAMT", StringComparison.Ordinal);
            }
            else if (n % 3_001 == 0)
            {
                message = "Send request to AMT proxy component to add the alias ProvisionServer.corp.example.com in the DNS. The machine's FQDN is oobsp.corp.example.com.~~";
            }
            else if (random.Next(100) == 0)
            {
                message = Noise[random.Next(Noise.Length)];
            }
            else if (random.Next(4) == 0)
            {
                message = Console[random.Next(Console.Length)];
                ccm = true;
            }
            else
            {
                message = ServicePoint[random.Next(ServicePoint.Length)];
            }

            message = message
                .Replace("{h}", hosts[random.Next(hosts.Length)], StringComparison.Ordinal)
                .Replace("{ip}", string.Create(CultureInfo.InvariantCulture, $"192.0.2.{random.Next(1, 255)}"), StringComparison.Ordinal)
                .Replace("{n}", random.Next(1, 9999).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{x}", random.Next(0x1000, 0xFFFF).ToString("X4", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{g}", string.Create(CultureInfo.InvariantCulture, $"{{{random.Next():X8}-0000-4000-8000-{random.NextInt64(0, 1L << 47):X12}}}"), StringComparison.Ordinal);
            string line;
            if (ccm)
            {
                var text = n % 5_003 == 0 ? message + " (continued)\r\nsecond line of the same message" : message;
                line = string.Create(CultureInfo.InvariantCulture, $"<![LOG[{text}]LOG]!><time=\"{time:HH:mm:ss.fff}+480\" date=\"{time:MM-dd-yyyy}\" component=\"OOBConsole\" context=\"\" type=\"{(message.Contains("fail", StringComparison.Ordinal) ? 3 : 1)}\" thread=\"3120\" file=\"\">\r\n");
            }
            else
            {
                line = string.Create(CultureInfo.InvariantCulture, $"{message}  $$<SMS_AMT_OPERATION_MANAGER><{time:MM-dd-yyyy HH:mm:ss.fff}+480><thread=2880 (0x0B40)>\r\n");
            }

            writer.Write(line);
            written += Encoding.UTF8.GetByteCount(line);
        }
    }
}
