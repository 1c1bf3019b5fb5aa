using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SalesPerf.Web.Designer.Hosting;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Designer;

/// <summary>
/// The editor page starts the Studio runtime's downloads itself (the designer's load-time target) and hands them to
/// Blazor's loader; every file it names must exist in the installed package and be served like the loader's own fetch.
/// </summary>
public sealed partial class StudioBootTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private ApiClient _admin = null!;

    [GeneratedRegex(@"Object\.fromEntries\((\[\[.*?\]\])\.map", RegexOptions.Singleline)]
    private static partial Regex DownloadList();

    public async Task InitializeAsync()
    {
        _app = await new TestApp(TestDatabase.Sqlite()).StartAsync();
        _admin = await _app.SignInAsync("admin");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    [Fact]
    public async Task The_editor_page_starts_the_runtime_downloads_and_every_one_is_served()
    {
        var html = await (await _admin.GetAsync("/Admin/Flows/Edit/default-sales-flow")).Content.ReadAsStringAsync();
        Assert.Contains("<link rel=\"modulepreload\" href=\"/_framework/dotnet.js\" />", html);
        Assert.Contains("<script src=\"_framework/blazor.webassembly.js\" autostart=\"false\"></script>", html);
        Assert.Contains("loadBootResource", html);

        var list = JsonSerializer.Deserialize<string[][]>(DownloadList().Match(html).Groups[1].Value)!;
        Assert.Contains(list, d => d[0].StartsWith("dotnet.native.", StringComparison.Ordinal) && d[0].EndsWith(".wasm", StringComparison.Ordinal));
        Assert.Contains(list, d => d[0].StartsWith("System.Private.CoreLib.", StringComparison.Ordinal));
        Assert.Contains(list, d => d[0].StartsWith("Elsa.Studio.Workflows.Designer.", StringComparison.Ordinal));
        Assert.True(list.Length > 100, $"only {list.Length} downloads listed");
        Assert.All(list, d => Assert.StartsWith("sha256-", d[1]));

        foreach (var (name, type) in new[] { (list.First(d => d[0].StartsWith("dotnet.native.", StringComparison.Ordinal))[0], "application/wasm"),
                     (list.First(d => d[0].StartsWith("icudt", StringComparison.Ordinal))[0], "application/octet-stream") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/_framework/" + name);
            request.Headers.AcceptEncoding.ParseAdd("br");
            var response = await _admin.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        }
        foreach (var download in list)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/_framework/" + download[0]);
            request.Headers.AcceptEncoding.ParseAdd("br");
            using var response = await _admin.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{download[0]}: {response.StatusCode}");
        }
    }

    [Fact]
    public void A_runtime_script_without_a_boot_configuration_gives_empty_lists_so_the_page_boots_the_plain_way()
    {
        var (modules, downloads) = StudioBoot.Read("export default {};");
        Assert.Empty(modules);
        Assert.Empty(downloads);

        var (_, odd) = StudioBoot.Read("""/*json-start*/{"resources":{"assembly":[{"name":"../evil\"</script>.wasm","hash":"x"},{"name":"Ok.abc.wasm","hash":"sha256-y"}]}}/*json-end*/""");
        Assert.Equal("Ok.abc.wasm", Assert.Single(odd).Name);
    }
}
