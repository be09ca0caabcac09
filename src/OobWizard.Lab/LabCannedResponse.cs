namespace OobWizard.Lab;

/// <summary>
/// One scripted answer of a <see cref="LabScriptedServer"/>. <see cref="Chunked"/> omits Content-Length so a size cap
/// must be enforced while reading; <see cref="Hang"/> sends headers and then nothing.
/// </summary>
public sealed record LabCannedResponse(int Status, string ContentType, byte[] Body, bool Chunked = false, bool Hang = false)
{
    public static LabCannedResponse Soap(string xml, int status = 200) =>
        new(status, "application/soap+xml; charset=UTF-8", System.Text.Encoding.UTF8.GetBytes(xml));
}
