using System.IO.Compression;

namespace SalesPerf.Web.Files;

/// <summary>
/// Office files (docx, xlsx, pptx) are zip packages: this checks one is a real Office package and not a zip bomb,
/// from the zip's directory alone (nothing is decompressed).
/// </summary>
public static class OfficePackage
{
    public const long MaxUnpackedBytes = 200L * 1024 * 1024;
    public const int MaxEntries = 5_000;
    public const int MaxRatio = 200;

    public static bool IsPackage(string extension) => extension is "docx" or "xlsx" or "pptx";

    /// <summary>null when the package looks sound, else why not.</summary>
    public static string? Check(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries) return "too many parts";
            if (zip.Entries.All(e => e.FullName != "[Content_Types].xml")) return "not an Office document";
            long total = 0;
            foreach (var e in zip.Entries)
            {
                total += e.Length;
                if (total > MaxUnpackedBytes) return "unpacks to more than 200 MB";
                if (e.Length > 1024 * 1024 && e.Length / Math.Max(1, e.CompressedLength) > MaxRatio) return "compressed suspiciously well (zip bomb?)";
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return "damaged package";
        }
    }
}
