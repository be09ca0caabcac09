using OobWizard.Cli.Commands;
using OobWizard.Cli.Tests.Support;
using OobWizard.Core.Content;
using OobWizard.Logs;

namespace OobWizard.Cli.Tests;

/// <summary>
/// The shipped log signatures against real lines. No false positives: every signature has a normal
/// line close to it (same words, another outcome) that must not point at its node, and the table
/// must cover every signature the tree has. No misses: the lines the seeds and the public reports
/// quote, framed as the logs write them, point at the right node (a shared message at the question
/// that separates its causes, with the cause among its candidates).
/// </summary>
public sealed class LogSignatureTableTests
{
    /// <summary>(node, signature text) -> a harmless line close to it, and the log it is in.</summary>
    public static readonly (string Node, string Signature, string Log, string Harmless)[] Negatives =
    [
        ("p.prov.die-link", "Error: Device internal error.", "Amtopmgr.log", "Device internal error counter reset for pc001.corp.example.com."),
        ("p.prov.die-link", "Check Schannel, provision certificate, network configuration, device.", "Amtopmgr.log", "Check Schannel settings: OK."),
        ("p.prov.die-link", "Schannel hotfix applied that can send our root certificate in provisioning certificate chain.", "Amtopmgr.log", "Schannel hotfix 942841 is applied."),
        ("p.prov.die-link", "incorrect network configuration(DHCP option 6 and 15 required for AMT firmware)", "Amtopmgr.log", "Network configuration of pc001: DHCP option 6 and 15 present."),
        ("p.prov.die-link", "AMT firmware self signed certificate issue(date zero)", "Amtopmgr.log", "AMT firmware self signed certificate valid from 02-22-2011."),
        ("p.prov.die-link", "AMT firmware is not ready for PKI provisioning. Check network interface is opening and AMT is in PKI mode.", "Amtopmgr.log", "AMT firmware is ready for PKI provisioning."),
        ("p.prov.wsman-link", "Error: Can not finish WSMAN call with target device.", "Amtopmgr.log", "WSMAN call with target device finished in 120 ms."),
        ("p.prov.wsman-link", "Check if there is a winhttp proxy to block connection.", "Amtopmgr.log", "No winhttp proxy is set; direct connection."),
        ("p.prov.wsman-link", "WSMAN will fail with FQDN longer than 44 bytes", "Amtopmgr.log", "FQDN pc001.corp.example.com has 22 bytes."),
        ("q.prov.tls", "returned by InitializeSecurityContext during follow up TLS handshaking with server.", "Amtopmgr.log", "InitializeSecurityContext succeeded during TLS handshaking with server."),
        ("q.prov.tls", "returned by InitializeSecurityContext during follow up TLS handshaking with server.", "Amtproxymgr.log", "InitializeSecurityContext succeeded during TLS handshaking with server."),
        ("q.prov.tls", "returned by ApplyControlToken", "Amtopmgr.log", "ApplyControlToken completed."),
        ("q.prov.tls", "returned by ApplyControlToken", "Amtproxymgr.log", "ApplyControlToken completed."),
        ("prov.dns-dhcp", "No trusted DNS suffix reported", "activation.txt", "Trusted DNS suffix reported: corp.example.com"),
        ("prov.cert-hash-missing", "None certificate is valid between device and server certificate hash.", "Oobmgmt.log", "Certificate is valid between device and server certificate hash."),
        ("prov.cert-hash-missing", "certificate hash", "Amtopmgr.log", "The provisioning certificate hash 0123456789ABCDEF0123456789ABCDEF01234567 is loaded."),
        ("prov.cert-hash-missing", "hash does not exists in list of trusted root certificates on AMT", "activation.txt", "Hash exists in list of trusted root certificates on AMT."),
        ("prov.ad-container-missing", "CActiveDirectoryUtils::CreateObject - failed to get container.", "Amtproxymgr.log", "CActiveDirectoryUtils::CreateObject - created the object in OU=AMT."),
        ("prov.ad-container-missing", "AD Task - CreateObject failed.", "Amtproxymgr.log", "AD Task - CreateObject succeeded."),
        ("prov.child-domain-dcom", "ERROR: ICertRequest2->Submit failed: 0x80070005", "Amtproxymgr.log", "ICertRequest2->Submit succeeded: request 42 issued."),
        ("prov.cert-template-permissions", "Error: Missed device certificate. To provision device with TLS server or Mutual authentication mode, device certificate is required.", "Amtopmgr.log", "Device certificate requested for pc001.corp.example.com."),
        ("prov.other-management-solution", "AMT on this computer is already provisioned", "activation.txt", "AMT on this computer is not provisioned yet."),
        ("prov.provisionserver-alias-missing", "Unable to create instruction file for AMT Proxy task", "Amtopmgr.log", "Created instruction file for AMT Proxy task."),
        // The normal line written before every alias registration, also before a successful one (review PA-1).
        ("prov.provisionserver-alias-missing", "Send request to AMT proxy component to add the alias ProvisionServer.", "Amtopmgr.log", "Send request to AMT proxy component to add the alias ProvisionServer.corp.example.com in the DNS. The machine's FQDN is oobsp.corp.example.com."),
        ("prov.inband-client-not-approved", "Error: Cannot provision computer in-band because the Configuration Manager client is not approved.", "Amtopmgr.log", "Provision computer in-band: the Configuration Manager client is approved."),
        ("prov.crl-check-failed", "Description: A security error occurred", "Amtopmgr.log", "Description: no security error occurred."),
        ("prov.crl-check-failed", "Error code: 0x80072F8F", "Amtopmgr.log", "Error code: 0x80072EE9"),
        ("prov.cert-revoke-denied", "Error: CCAUtils::RevokeCertificate", "Amtproxymgr.log", "CCAUtils::RevokeCertificate succeeded for certificate 42."),
        ("prov.cert-revoke-denied", "Error: CCAUtils::RevokeExistedCertificate", "Amtproxymgr.log", "CCAUtils::RevokeExistedCertificate: nothing to revoke."),
        ("console.unsupported-os", "GetAMTPowerState fail with result:0x80072EE9", "Oobconsole.log", "GetAMTPowerState succeeded with result:0x0"),
        ("console.unsupported-os", "GetAMTPowerState fail with result: 0x80072EE9", "Oobconsole.log", "GetAMTPowerState fail with result: 0x800703E3"),
        ("console.no-host-record", "GetAMTPowerState fail with result: 0x800703E3", "Oobconsole.log", "GetAMTPowerState fail with result: 0x80004005"),
        ("console.no-host-record", "GetAMTPowerState fail with result:0x800703E3", "Oobconsole.log", "GetAMTPowerState fail with result:0x80072EE9"),
        // A bare E_FAIL is not another console (review FF-1).
        ("console.functions-fail-second-console", "0x80004005", "Oobconsole.log", "GetAMTPowerState fail with result:0x80004005"),
        ("console.redirection-disabled", "Error:cannot put change to AMT_RedirectionService instance.", "Amtopmgr.log", "Put change to AMT_RedirectionService instance: done."),
        ("console.redirection-disabled", "Error:CSMSAMTProvTask::StartProvision Fail to call AMTWSManUtilities::EnableRedirectionService", "Amtopmgr.log", "CSMSAMTProvTask::StartProvision called AMTWSManUtilities::EnableRedirectionService."),
        ("console.ider-low-privilege", "fail with result:0x2, description:Invalid Parameter", "Oobconsole.log", "IMR_IDEROpenTCPSession with user = admin succeeded with result:0x0, description:Success"),
        ("console.ipv6-slow", "netsh interface ipv6 add prefix prefix=::ffff:0:0/96 precedence=45 label=4", "Amtopmgr.log", "netsh interface ipv6 show prefixpolicies"),
        ("console.ipv6-slow", "STATMSG: ID=7217 SEV=W", "Amtopmgr.log", "STATMSG: ID=72170 SEV=W LEV=M SOURCE=\"SMS Server\" COMP=\"SMS_AMT_OPERATION_MANAGER\""),
    ];

    /// <summary>A real line (as its log writes it) -> the node it must point at, and for a shared message the cause among its candidates.</summary>
    public static readonly (string File, string Line, string Node, string? Cause)[] Positives =
    [
        ("Amtopmgr.log", Sms("Error: Device internal error. Check Schannel, provision certificate, network configuration, device."), "p.prov.die-link", "prov.provisioning-cert-oid"),
        ("Amtopmgr.log", Sms("Error: Device internal error. This may be caused by: 1. Schannel hotfix applied that can send our root certificate in provisioning certificate chain. 2. incorrect network configuration(DHCP option 6 and 15 required for AMT firmware). 3. AMT firmware self signed certificate issue(date zero). 4. AMT firmware is not ready for PKI provisioning. Check network interface is opening and AMT is in PKI mode. 5. Service point is trying to establish connection with wireless IP address of AMT firmware but wireless management has NOT enabled yet. AMT firmware doesn't support provision through wireless connection."), "p.prov.die-link", "prov.amt-not-ready-pki"),
        ("paste.txt", "3. AMT firmware self signed certificate issue(date zero).", "p.prov.die-link", "prov.amt-self-signed-cert"),
        ("Amtopmgr.log", Sms("Error: Can not finish WSMAN call with target device. 1. Check if there is a winhttp proxy to block connection. 2. Service point is trying to establish connection with wireless IP address of AMT firmware but wireless management has NOT enabled yet. AMT firmware doesn't support provision through wireless connection. 3. For greater than 3.x AMT, there is a known issue in AMT firmware that WSMAN will fail with FQDN longer than 44 bytes."), "p.prov.wsman-link", "prov.winhttp-proxy"),
        // The TLS handshake lines in the service point's log too (review RK-1), and the 3.2.1 certificate's code.
        ("Amtopmgr.log", Sms("Error 0x80090308 returned by InitializeSecurityContext during follow up TLS handshaking with server."), "q.prov.tls", "prov.amt-self-signed-cert"),
        ("Amtproxymgr.log", Sms("Error 0x80090304 returned by InitializeSecurityContext during follow up TLS handshaking with server.", "SMS_AMT_PROXY_COMPONENT"), "q.prov.tls", "prov.root-key-too-long"),
        ("Amtproxymgr.log", Sms("**** Error 0x193b95c returned by ApplyControlToken", "SMS_AMT_PROXY_COMPONENT"), "q.prov.tls", "prov.root-key-too-long"),
        ("activation.txt", "amt\tCLIENT, No opportunity for ACM activation: No trusted DNS suffix reported", "prov.dns-dhcp", null),
        ("Oobmgmt.log", "<![LOG[None certificate is valid between device and server certificate hash.]LOG]!><time=\"10:00:00.000+480\" date=\"02-22-2011\" component=\"OobMgmt\" context=\"\" type=\"3\" thread=\"1\" file=\"\">", "prov.cert-hash-missing", null),
        // The out of band hash-list message (review CH-2); the seed has it only in German, this is its English sense.
        ("Amtopmgr.log", Sms("Error: The hash list of AMT device 01234567-89AB-CDEF-0123-456789ABCDEF does not contain the provisioning server certificate hash."), "prov.cert-hash-missing", null),
        ("activation.txt", "Invalid domain certificate, hash does not exists in list of trusted root certificates on AMT", "prov.cert-hash-missing", null),
        ("activation.txt", "AMT on this computer is already provisioned. Press any key to exit.", "prov.other-management-solution", null),
        ("Amtproxymgr.log", Sms("CActiveDirectoryUtils::CreateObject - failed to get container.", "SMS_AMT_PROXY_COMPONENT"), "prov.ad-container-missing", null),
        ("Amtproxymgr.log", Sms("ERROR: ICertRequest2->Submit failed: 0x80070005", "SMS_AMT_PROXY_COMPONENT"), "prov.child-domain-dcom", null),
        ("Amtopmgr.log", Sms("Error: Missed device certificate. To provision device with TLS server or Mutual authentication mode, device certificate is required."), "prov.cert-template-permissions", null),
        ("Amtopmgr.log", Sms(@"Unable to create instruction file for AMT Proxy task: D:\SMS\MP\OUTBOXES\Amtproxy.box"), "prov.provisionserver-alias-missing", null),
        ("Amtopmgr.log", Sms("Error: Cannot provision computer in-band because the Configuration Manager client is not approved."), "prov.inband-client-not-approved", null),
        ("Amtopmgr.log", Sms("Description: A security error occurred~Error code: 0x80072F8F"), "prov.crl-check-failed", null),
        ("Amtproxymgr.log", Sms("Error: CCAUtils::RevokeCertificate failed to revoke 1A2B with 0x80070005", "SMS_AMT_PROXY_COMPONENT"), "prov.cert-revoke-denied", null),
        ("Oobconsole.log", Ccm("GetAMTPowerState fail with result:0x80072EE9"), "console.unsupported-os", null),
        ("Oobconsole.log", Ccm("GetAMTPowerState fail with result: 0x800703E3"), "console.no-host-record", null),
        ("Oobconsole.log", Ccm("IMR_SOLOpenTCPSession with user = CORP\\admin fail with result:0x80004005"), "console.functions-fail-second-console", null),
        ("Amtopmgr.log", Sms("Error:cannot put change to AMT_RedirectionService instance."), "console.redirection-disabled", null),
        ("Oobconsole.log", Ccm("IMR_IDEROpenTCPSession1 with user = CORP\\admin, drive D: fail with result:0x2, description:Invalid Parameter"), "console.ider-low-privilege", null),
        ("Amtopmgr.log", Sms("STATMSG: ID=7217 SEV=W LEV=M SOURCE=\"SMS Server\" COMP=\"SMS_AMT_OPERATION_MANAGER\" SYS=OOBSP SITE=P01 PID=2880 TID=2880"), "console.ipv6-slow", null),
    ];

    private static readonly Lazy<ContentSet> Content = new(() => ContentLoader.Load(Repo.Content));

    public static TheoryData<int> NegativeRows() => new(Enumerable.Range(0, Negatives.Length));

    public static TheoryData<int> PositiveRows() => new(Enumerable.Range(0, Positives.Length));

    [Fact]
    public void Every_signature_of_the_tree_has_a_negative_case()
    {
        var signatures = LogsCommand.Signatures(Content.Value.Tree).Select(s => (s.NodeId, s.Text)).Distinct();
        var covered = Negatives.Select(n => (n.Node, n.Signature)).ToHashSet();

        var uncovered = signatures.Where(s => !covered.Contains(s)).ToList();
        var stale = covered.Where(c => !signatures.Contains(c)).ToList();
        Assert.True(uncovered.Count == 0, "signatures without a negative case: " + string.Join("; ", uncovered));
        Assert.True(stale.Count == 0, "negative cases for no signature: " + string.Join("; ", stale));
    }

    [Theory]
    [MemberData(nameof(NegativeRows))]
    public void A_harmless_line_next_to_a_signature_points_nowhere(int row)
    {
        var (node, _, log, harmless) = Negatives[row];
        var candidates = Match(log, Frame(log, harmless));

        Assert.DoesNotContain(candidates, c => c.NodeId == node || c.Candidates.Contains(node));
    }

    [Theory]
    [MemberData(nameof(PositiveRows))]
    public void A_real_line_points_at_its_cause(int row)
    {
        var (file, line, node, cause) = Positives[row];

        var candidates = Match(file, line);

        var top = Assert.Single(candidates);
        Assert.Equal(node, top.NodeId);
        if (cause is not null)
        {
            Assert.Contains(cause, top.Candidates);
        }
    }

    private static IReadOnlyList<LogCandidate> Match(string file, string text) =>
        LogMatcher.Match(LogParser.Parse(file, new StringReader(text + "\r\n")), LogsCommand.Signatures(Content.Value.Tree));

    /// <summary>The line as its log writes it: the log's own component and format; other text as it is.</summary>
    private static string Frame(string log, string message) => log switch
    {
        "Amtopmgr.log" => Sms(message),
        "Amtproxymgr.log" => Sms(message, "SMS_AMT_PROXY_COMPONENT"),
        "Oobconsole.log" => Ccm(message),
        "Oobmgmt.log" => Ccm(message, "OobMgmt"),
        _ => message,
    };

    private static string Sms(string message, string component = "SMS_AMT_OPERATION_MANAGER") =>
        $"{message}  $$<{component}><02-22-2011 09:58:13.027+480><thread=2880 (0x0B40)>";

    private static string Ccm(string message, string component = "OOBConsole") =>
        $"<![LOG[{message}]LOG]!><time=\"10:12:31.140+480\" date=\"02-22-2011\" component=\"{component}\" context=\"\" type=\"3\" thread=\"3120\" file=\"\">";
}
