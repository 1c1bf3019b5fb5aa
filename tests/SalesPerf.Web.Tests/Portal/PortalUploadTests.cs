using System.IO.Compression;
using System.Net;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Portal;

/// <summary>Uploads through the deliverable form: type by content, size limit, hostile names, zip bombs; downloads only for people who may see the deal.</summary>
public sealed class PortalUploadTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private ApiClient _rep = null!;
    private string _deal = "";

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["v.loadProfile"] = new string('负', 60), ["v.peakLoadKw"] = "1200", ["v.existingEquipment"] = "Two 110 kV transformers from 1998, one spare",
        ["v.demandForecast"] = "Growth with the new rolling mill in 2027", ["v.forecastGrowthPct"] = "8",
    };

    public async Task InitializeAsync()
    {
        _app = await new TestApp(TestDatabase.Sqlite()).StartAsync();
        _rep = await _app.SignInAsync("rA");
        _rep.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        _deal = await _rep.CreateDealAsync();
        Assert.True((await _rep.SubmitCurrentStageAsync(_deal)).IsSuccessStatusCode);
        await (await _app.SignInAsync("mN")).PostJsonAsync($"/api/deals/{_deal}/submissions/1/approve", new { });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    private Task<HttpResponseMessage> SubmitAsync(string fileName, byte[] content) =>
        _rep.PostMultipartAsync($"/Deals/{_deal}/Submit", Fields, [("f.report", fileName, content)]);

    private async Task AssertRejectedAsync(string fileName, byte[] content, string expected)
    {
        var r = await SubmitAsync(fileName, content);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Contains("id=\"err-report\"", html);
        Assert.Contains(expected, System.Net.WebUtility.HtmlDecode(html));
        Assert.Equal("open", (await _rep.GetJsonAsync($"/api/deals/{_deal}"))["current"]!["status"].Str());
        Assert.False(Directory.Exists(Path.Combine(_app.DataFolder, "uploads")) &&
                     Directory.EnumerateFiles(Path.Combine(_app.DataFolder, "uploads"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public Task An_executable_renamed_to_pdf_is_rejected_by_its_content() =>
        AssertRejectedAsync("report.pdf", [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0], "is not really a .pdf file");

    [Fact]
    public Task A_type_the_field_does_not_take_is_rejected() =>
        AssertRejectedAsync("report.png", StageFiller.SampleFile("png"), "only xlsx, docx, pdf files are accepted");

    [Fact]
    public Task An_oversized_file_is_rejected()
    {
        var big = new byte[21 * 1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(big);
        return AssertRejectedAsync("big.pdf", big, "larger than 20 MB");
    }

    [Fact]
    public async Task A_zip_bomb_disguised_as_xlsx_is_rejected()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open())) w.Write("<Types/>");
            await using var s = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++) await s.WriteAsync(zeros);
        }
        await AssertRejectedAsync("report.xlsx", memory.ToArray(), "not a valid Office document");
    }

    [Fact]
    public async Task A_path_traversal_name_is_only_metadata_and_the_file_downloads_for_those_who_may_see_the_deal()
    {
        var r = await SubmitAsync("../../../etc/passwd.xlsx", StageFiller.SampleFile("xlsx"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var stored = Directory.EnumerateFiles(Path.Combine(_app.DataFolder, "uploads"), "*", SearchOption.AllDirectories).Single();
        Assert.StartsWith(Path.Combine(_app.DataFolder, "uploads"), Path.GetFullPath(stored));
        Assert.DoesNotContain("passwd", stored);

        var page = await _rep.HtmlAsync($"/Deals/{_deal}");
        var link = System.Text.RegularExpressions.Regex.Match(page, $"href=\"(/api/deals/{_deal}/files/[0-9a-f-]+)\">passwd.xlsx<").Groups[1].Value;
        Assert.NotEmpty(link);
        Assert.Equal(HttpStatusCode.OK, (await (await _app.SignInAsync("mN")).GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("rB")).GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("mS")).GetAsync(link)).StatusCode);
    }
}
