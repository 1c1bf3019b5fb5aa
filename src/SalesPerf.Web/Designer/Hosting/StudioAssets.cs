using System.Reflection;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace SalesPerf.Web.Designer.Hosting;

/// <summary>
/// Serves the Elsa Studio package (npm @elsa-workflows/elsa-studio-wasm, installed by the build) from where npm put it:
/// right MIME types (.wasm must be application/wasm), the package's own brotli/gzip files when the browser accepts
/// them, and long caching for fingerprinted framework files. Nothing is fetched from anywhere else.
/// </summary>
public sealed class StudioAssets
{
    public const string PackageVersion = "3.8.2";
    private const string PackagePath = "Designer/studio/node_modules/@elsa-workflows/elsa-studio-wasm";
    private static readonly FileExtensionContentTypeProvider Types = CreateTypes();

    public StudioAssets(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var candidates = new[]
        {
            configuration["SalesPerf:StudioPath"],
            Path.Combine(environment.ContentRootPath, PackagePath),
            Path.Combine(AppContext.BaseDirectory, "studio"),
            typeof(StudioAssets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ElsaStudioPath")?.Value,
        };
        Root = candidates.Where(c => !string.IsNullOrEmpty(c)).Select(c => Path.GetFullPath(c!))
            .FirstOrDefault(c => File.Exists(Path.Combine(c, "_framework", "blazor.webassembly.js")));
    }

    /// <summary>The package folder, or null when the build did not install it (the editor page then says how to fix it).</summary>
    public string? Root { get; }

    public bool IsInstalled => Root is not null;

    public IResult Serve(HttpContext context, string relativePath)
    {
        if (Root is null) return Results.NotFound();
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full) || full.EndsWith(".br") || full.EndsWith(".gz"))
            return Results.NotFound();
        if (!Types.TryGetContentType(full, out var contentType)) contentType = "application/octet-stream";

        var headers = context.Response.Headers;
        var served = full;
        var accepts = context.Request.Headers.AcceptEncoding.ToString();
        foreach (var (encoding, extension) in new[] { ("br", ".br"), ("gzip", ".gz") })
        {
            if (!accepts.Contains(encoding, StringComparison.OrdinalIgnoreCase) || !File.Exists(full + extension)) continue;
            served = full + extension;
            headers.ContentEncoding = encoding;
            break;
        }
        headers.Vary = HeaderNames.AcceptEncoding;
        // Framework files carry a content hash in their name; the few others are revalidated with their ETag.
        headers.CacheControl = relativePath.StartsWith("_framework/", StringComparison.Ordinal) && FingerPrinted(full)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        var info = new FileInfo(served);
        var etag = new EntityTagHeaderValue($"\"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}\"");
        return Results.File(served, contentType, lastModified: info.LastWriteTimeUtc, entityTag: etag);
    }

    private static bool FingerPrinted(string path) => Path.GetFileName(path).Split('.').Length >= 3;

    private static FileExtensionContentTypeProvider CreateTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".wasm"] = "application/wasm";
        types.Mappings[".dat"] = "application/octet-stream";
        types.Mappings[".dll"] = "application/octet-stream";
        types.Mappings[".blat"] = "application/octet-stream";
        types.Mappings[".js"] = "text/javascript";
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".map"] = "application/json";
        types.Mappings[".webmanifest"] = "application/manifest+json";
        types.Mappings[".woff2"] = "font/woff2";
        types.Mappings[".cur"] = "image/x-icon";
        types.Mappings[".scss"] = "text/plain";
        return types;
    }
}
