using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace OobWizard.Lab;

/// <summary>
/// A misbehaving "device" for robustness work: Kestrel on loopback answering every POST with whatever the script
/// returns for the request body (recorded fixtures, hostile XML, oversized or hanging bodies). No authentication.
/// </summary>
public sealed class LabScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LabScriptedServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public static async Task<LabScriptedServer> StartAsync(IPAddress address, Func<string, LabCannedResponse> script, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, LabHostLifetime>();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = LabDevice.MaxRequestBytes;
            k.Listen(address, 0, o => o.Protocols = HttpProtocols.Http1);
        });
        var app = builder.Build();
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var request = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            var answer = script(request);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            context.Response.Headers.Server = "Intel(R) Active Management Technology 15.0.23.1706";
            if (answer.Hang)
            {
                await context.Response.StartAsync(context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up: that is the point of the exercise.
                }

                return;
            }

            if (!answer.Chunked) context.Response.ContentLength = answer.Body.Length;
            try
            {
                await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // A client that stops reading at its size cap aborts the connection mid-body.
            }
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address0 = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LabScriptedServer(app, new Uri(address0).Port);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await _app.StopAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Hanging requests are abandoned on shutdown.
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
