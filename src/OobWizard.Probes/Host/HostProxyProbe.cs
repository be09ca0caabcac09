namespace OobWizard.Probes.Host;

/// <summary>
/// host.proxy: a proxy set for HTTP, through the environment (http_proxy and friends) or, on
/// Windows, WinHTTP (<c>netsh winhttp show proxy</c>), can block WS-Man to AMT unless the target
/// is in the bypass list.
/// </summary>
public sealed class HostProxyProbe : IProbe
{
    private static readonly string[] ProxyVariables = ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"];

    private readonly HostProbeOptions _options;

    public HostProxyProbe(HostProbeOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public string Id => "host.proxy";

    public string Description => "No HTTP proxy (environment or WinHTTP) stands between this host and AMT";

    public IReadOnlyList<string> Verdicts { get; } = ["pass", "proxy-set"];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var evidence = new List<Evidence>();
        try
        {
            var target = string.IsNullOrWhiteSpace(context.Target) ? null : context.Target.Trim();
            var blocking = new List<string>();
            var bypassed = new List<string>();

            var noProxy = _options.GetEnvironmentVariable("no_proxy") ?? _options.GetEnvironmentVariable("NO_PROXY");
            foreach (var variable in ProxyVariables)
            {
                var value = _options.GetEnvironmentVariable(variable);
                if (string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                evidence.Add(new Evidence(variable, value).Keyed("evidence.label.proxy-variable", variable));
                Classify($"{variable}={value}", noProxy);
            }

            if (noProxy is not null)
            {
                evidence.Add(new Evidence("no_proxy", noProxy));
            }

            if (_options.IsWindows)
            {
                var text = await _options.ReadWinHttpProxy(cancellationToken).ConfigureAwait(false);
                var (server, bypass) = ParseWinHttp(text);
                evidence.Add(new Evidence("WinHTTP proxy", text is null ? "could not run netsh winhttp show proxy" : server ?? "direct access (no proxy server)"));
                if (server is not null)
                {
                    if (bypass is not null)
                    {
                        evidence.Add(new Evidence("WinHTTP bypass list", bypass));
                    }

                    Classify($"WinHTTP {server}", bypass);
                }
            }

            if (blocking.Count > 0)
            {
                var forWhom = target is null ? string.Empty : $" and {target} is not in its bypass list";
                return ProbeResult.Finding(Id, "proxy-set", $"an HTTP proxy is set ({string.Join("; ", blocking)}){forWhom}: it can block WS-Man to AMT", evidence, "prov.wireless")
                    .Keyed(target is null ? ProbeLine.Of("probe.host.proxy.set", "", string.Join("; ", blocking)) : ProbeLine.Of("probe.host.proxy.set-target", "", string.Join("; ", blocking), target));
            }

            return bypassed.Count > 0
                ? ProbeResult.Pass(Id, $"a proxy is set ({string.Join("; ", bypassed)}) but {target} bypasses it", evidence).Keyed("probe.host.proxy.bypassed", string.Join("; ", bypassed), target)
                : ProbeResult.Pass(Id, "no HTTP proxy is set", evidence).Keyed("probe.host.proxy.pass");

            void Classify(string what, string? bypassList)
            {
                if (target is not null && ProxyBypass.Matches(bypassList, target))
                {
                    bypassed.Add(what);
                }
                else
                {
                    blocking.Add(what);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ProbeResult.Error(Id, $"{Id} failed: {ex.GetType().Name}: {ex.Message}", evidence).Keyed("probe.failed", Id, ex.GetType().Name, ex.Message);
        }
    }

    /// <summary>
    /// <c>netsh winhttp show proxy</c>: "Direct access (no proxy server)." or "Proxy Server(s) :  host:port"
    /// and "Bypass List     :  list". Null server when direct or unreadable.
    /// </summary>
    public static (string? Server, string? Bypass) ParseWinHttp(string? text)
    {
        if (text is null || text.Contains("Direct access", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        string? server = null;
        string? bypass = null;
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (key.StartsWith("Proxy Server", StringComparison.OrdinalIgnoreCase) && value.Length > 0)
            {
                server = value;
            }
            else if (key.StartsWith("Bypass List", StringComparison.OrdinalIgnoreCase) && value.Length > 0 && !value.StartsWith("(none)", StringComparison.OrdinalIgnoreCase))
            {
                bypass = value;
            }
        }

        return (server, bypass);
    }
}
