using DnsClient;

namespace OobWizard.Probes.Dns;

/// <summary>One DnsClient query over one transport: how it ended, the response if any, and the words for evidence.</summary>
internal sealed record DnsAttempt(DnsAttemptKind Kind, IDnsQueryResponse? Response, string Text);
