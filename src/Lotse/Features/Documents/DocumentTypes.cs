namespace Lotse.Features.Documents;

/// <summary>A file type Lotse accepts, recognised by the first bytes of the content.</summary>
public sealed record DocumentType(string ContentType, string Extension, string Label);

/// <summary>
/// The allow-list of document types, checked by content, never by file name or the browser's
/// claim: PDF, JPEG, PNG and TIFF — what scanners and phones produce for letters and signed forms.
/// </summary>
public static class DocumentTypes
{
    public static readonly DocumentType Pdf = new("application/pdf", ".pdf", "PDF");
    public static readonly DocumentType Jpeg = new("image/jpeg", ".jpg", "JPEG");
    public static readonly DocumentType Png = new("image/png", ".png", "PNG");
    public static readonly DocumentType Tiff = new("image/tiff", ".tif", "TIFF");

    public static IReadOnlyList<DocumentType> Allowed { get; } = [Pdf, Jpeg, Png, Tiff];

    /// <summary>The accepted type the content starts with, or null.</summary>
    public static DocumentType? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (content.StartsWith("II*\0"u8) || content.StartsWith("MM\0*"u8))
        {
            return Tiff;
        }

        return null;
    }
}
