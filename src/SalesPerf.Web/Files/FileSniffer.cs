namespace SalesPerf.Web.Files;

/// <summary>
/// Checks that a file's bytes are what its extension claims (a renamed .exe is not a PDF), and gives its MIME type.
/// </summary>
public static class FileSniffer
{
    private static readonly byte[] Pdf = "%PDF"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    public static readonly IReadOnlyDictionary<string, string> MimeTypes = new Dictionary<string, string>
    {
        ["pdf"] = "application/pdf",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ["doc"] = "application/msword",
        ["xls"] = "application/vnd.ms-excel",
        ["ppt"] = "application/vnd.ms-powerpoint",
        ["csv"] = "text/csv",
        ["png"] = "image/png",
        ["jpg"] = "image/jpeg",
        ["jpeg"] = "image/jpeg",
    };

    /// <summary>True when <paramref name="head"/> (the first bytes) fits <paramref name="extension"/>.</summary>
    public static bool Matches(string extension, ReadOnlySpan<byte> head) => extension switch
    {
        "pdf" => head.StartsWith(Pdf),
        "docx" or "xlsx" or "pptx" => head.StartsWith(Zip),
        "doc" or "xls" or "ppt" => head.StartsWith(Ole),
        "png" => head.StartsWith(Png),
        "jpg" or "jpeg" => head.StartsWith(Jpeg),
        "csv" => !head.Contains((byte)0),
        _ => false,
    };
}
