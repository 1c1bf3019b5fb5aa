namespace SalesPerf.Web.Designer.Hosting;

/// <summary>
/// The Studio's files at the paths its loader asks for (relative to the page's base "/"): _framework/, _content/,
/// its stylesheet, and appsettings.json, which is answered with SalesPerf's own API address (the package's points
/// at https://localhost:5001). Only signed-in users load the designer; the files themselves are the public npm package.
/// </summary>
internal static class StudioEndpoints
{
    public static void MapStudioAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/_framework/{**path}", (HttpContext http, string path, StudioAssets assets) => assets.Serve(http, "_framework/" + path))
            .ExcludeFromDescription();
        app.MapGet("/_content/{**path}", (HttpContext http, string path, StudioAssets assets) => assets.Serve(http, "_content/" + path))
            .ExcludeFromDescription();
        app.MapGet("/Elsa.Studio.Host.CustomElements.styles.css", (HttpContext http, StudioAssets assets) =>
            assets.Serve(http, "Elsa.Studio.Host.CustomElements.styles.css")).ExcludeFromDescription();
        app.MapGet("/appsettings.json", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Json(new { Backend = new { Url = $"{http.Request.Scheme}://{http.Request.Host}/elsa/api" } });
        }).ExcludeFromDescription();
    }
}
