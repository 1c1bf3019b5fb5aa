using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesPerf.Web.Designer.Hosting;

/// <summary>
/// What the Studio's .NET runtime downloads at start, read once from the boot configuration the package embeds in
/// <c>_framework/dotnet.js</c> (between <c>/*json-start*/</c> and <c>/*json-end*/</c>). The editor page starts these
/// downloads itself, as soon as it is parsed, and hands them to Blazor through the public
/// <c>Blazor.start({ loadBootResource })</c> hook: the runtime's own loader only asks for them after blazor.webassembly.js,
/// dotnet.js and the runtime modules have run, about a second later. Culture satellite assemblies are left to the loader
/// (it fetches only the browser culture's one). If the package's layout ever changes, the lists are empty and the page
/// boots the plain way.
/// </summary>
public sealed class StudioBoot
{
    public StudioBoot(StudioAssets assets, ILogger<StudioBoot> logger)
    {
        if (assets.Root is null) return;
        try
        {
            (Modules, Downloads) = Read(File.ReadAllText(Path.Combine(assets.Root, "_framework", "dotnet.js")));
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidOperationException or ArgumentException)
        {
            logger.LogWarning(e, "Could not read the Studio's boot configuration; the designer boots without early downloads");
        }
    }

    /// <summary>The runtime's JavaScript modules (paths under the site root), for &lt;link rel="modulepreload"&gt;.</summary>
    public IReadOnlyList<string> Modules { get; } = [];

    /// <summary>The files the runtime fetches before it starts: file name (as the loader names it) and its SRI hash.</summary>
    public IReadOnlyList<BootDownload> Downloads { get; } = [];

    public bool HasDownloads => Downloads.Count > 0;

    /// <summary>The download list as JSON for the page's inline script: [[name, integrity], …].</summary>
    public string DownloadsJson => JsonSerializer.Serialize(Downloads.Select(d => new[] { d.Name, d.Integrity }));

    internal static (IReadOnlyList<string> Modules, IReadOnlyList<BootDownload> Downloads) Read(string dotnetJs)
    {
        const string start = "/*json-start*/", end = "/*json-end*/";
        var from = dotnetJs.IndexOf(start, StringComparison.Ordinal);
        var to = dotnetJs.IndexOf(end, StringComparison.Ordinal);
        if (from < 0 || to < from) return ([], []);
        var resources = JsonNode.Parse(dotnetJs[(from + start.Length)..to])?["resources"] as JsonObject;
        if (resources is null) return ([], []);

        IEnumerable<JsonObject> Entries(string key) => (resources[key] as JsonArray ?? []).OfType<JsonObject>();
        var modules = new[] { "jsModuleRuntime", "jsModuleNative" }.SelectMany(Entries)
            .Select(e => e["name"]?.GetValue<string>()).OfType<string>().Where(Safe)
            .Prepend("dotnet.js").Select(n => "/_framework/" + n).ToList();
        var downloads = new[] { "wasmNative", "coreAssembly", "icu", "assembly" }.SelectMany(Entries)
            .Select(e => (Name: e["name"]?.GetValue<string>(), Hash: e["hash"]?.GetValue<string>()))
            .Where(e => e.Name is not null && Safe(e.Name))
            .Select(e => new BootDownload(e.Name!, e.Hash ?? "")).ToList();
        return (modules, downloads);
    }

    // Plain file names only: they are written into the page.
    private static bool Safe(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}

public sealed record BootDownload(string Name, string Integrity);
