using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using OobWizard.Probes.Amt.Wsman;

namespace OobWizard.Probes.Amt;

/// <summary>
/// Connects, completes a TLS handshake accepting any certificate, records it, and closes: no HTTP request is sent, so
/// nothing, credentials least of all, crosses a connection that did not validate.
/// </summary>
public static class TlsCertificateCapture
{
    public static async Task<TlsCapture> CaptureAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        using var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
            CertificateFacts? facts = null;
            byte[]? raw = null;
            var errors = SslPolicyErrors.None;
            await using var ssl = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = host,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                RemoteCertificateValidationCallback = (_, certificate, _, policyErrors) =>
                {
                    errors = policyErrors;
                    if (certificate is not null)
                    {
                        raw = certificate.GetRawCertData();
                        using var copy = X509CertificateLoader.LoadCertificate(raw);
                        facts = CertificateFacts.From(copy);
                    }

                    return true;
                },
            }, cts.Token).ConfigureAwait(false);
            return new TlsCapture(facts, errors, ssl.SslProtocol, ssl.NegotiatedCipherSuite.ToString()) { RawCertificate = raw };
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WsmanTimeoutException(timeout, ex);
        }
        catch (SocketException ex)
        {
            throw new WsmanTransportException($"{ex.SocketErrorCode}: {ex.Message}", ex, ex.SocketErrorCode);
        }
        catch (Exception ex) when (ex is System.Security.Authentication.AuthenticationException or IOException)
        {
            throw new WsmanTransportException($"TLS handshake failed: {ex.Message}", ex);
        }
    }
}
