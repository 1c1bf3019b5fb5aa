using System.Net;
using System.Text;
using MiniExcelLibs;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Admin;

/// <summary>Importing a CRM export: a dry run lists every bad row and writes nothing; a clean file imports all rows with their events.</summary>
public sealed class ImportTests : AdminPageTests
{
    private int DealCount() => Query(db => db.Deals.Count());

    private async Task<string> CheckAsync(string kind, string fileName, byte[] content)
    {
        var r = await AsAdmin.PostMultipartAsync("/Admin/Import?handler=Check", new Dictionary<string, string> { ["Kind"] = kind }, [("file", fileName, content)]);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await r.Content.ReadAsStringAsync();
    }

    private async Task<string> ImportAsync(string checkedHtml, string kind)
    {
        var token = System.Text.RegularExpressions.Regex.Match(checkedHtml, "name=\"token\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var r = await AsAdmin.PostFormAsync("/Admin/Import", "/Admin/Import?handler=Import", new Dictionary<string, string> { ["token"] = token, ["Kind"] = kind });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await r.Content.ReadAsStringAsync();
    }

    private static byte[] Utf8Bom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    [Fact]
    public async Task A_dry_run_lists_every_bad_row_with_its_reason_and_writes_nothing()
    {
        await (await App.SignInEnAsync("rA")).CreateDealAsync("Existing deal");
        var csv = """
            Deal title,Customer,Customer type,Rep email,Estimated value
            Good deal,Good Co,grid,rA@test.local,"1,200,000"
            ,No Title Co,grid,rA@test.local,5
            Unknown rep,X Co,grid,nobody@test.local,5
            Unknown type,X Co,farm,rA@test.local,5
            Not a number,X Co,industrial,rA@test.local,lots
            Good deal,Good Co,grid,rB@test.local,7
            Existing deal,State Grid Hebei,grid,rA@test.local,1
            """;
        var before = DealCount();
        var html = await CheckAsync("Deals", "crm.csv", Utf8Bom(csv));
        Assert.Contains("6 of 7 row(s) have problems; nothing was written.", WebUtility.HtmlDecode(html));
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("<td class=\"num\">3</td><td>The deal title is missing.</td>", text);
        Assert.Contains("<td class=\"num\">4</td><td>Unknown rep email \"nobody@test.local\".</td>", text);
        Assert.Contains("<td class=\"num\">5</td><td>Unknown customer type \"farm\"", text);
        Assert.Contains("<td class=\"num\">6</td><td>The estimated value \"lots\" is not a number.</td>", text);
        Assert.Contains("<td class=\"num\">7</td><td>Duplicate: the same deal and customer as row 2.</td>", text);
        Assert.Contains("<td class=\"num\">8</td><td>Duplicate: a deal with this title and customer already exists.</td>", text);
        Assert.DoesNotContain("name=\"token\"", html); // no import button for a file with problems
        Assert.Equal(before, DealCount());
    }

    [Fact]
    public async Task A_clean_import_creates_every_deal_with_its_events_then_follow_ups_attach_to_them()
    {
        var deals = """
            商机名称,客户名称,客户类型,销售邮箱,预计金额
            110kV 变电站改造,国网河北,电网公司,rA@test.local,2000000
            光伏并网,某新能源公司,newEnergy,rC@test.local,
            """;
        var check = await CheckAsync("Deals", "deals.csv", Encoding.UTF8.GetBytes(deals)); // UTF-8 without BOM
        Assert.Contains("All 2 row(s) are fine (dry run, nothing written yet).", check);
        Assert.Equal(0, DealCount());
        var imported = await ImportAsync(check, "Deals");
        Assert.Contains("Imported 2 row(s).", imported);
        Assert.Equal(2, DealCount());

        var rA = await App.SignInEnAsync("rA");
        var list = (await rA.GetJsonAsync("/api/deals"))["items"]!.AsArray();
        var deal = Assert.Single(list);
        Assert.Equal("110kV 变电站改造", deal!["title"].Str());
        Assert.Equal("grid", deal["customerType"].Str());
        var id = deal["id"].Str();
        var events = (await rA.GetJsonAsync($"/api/deals/{id}/events")).AsArray();
        Assert.Equal(2, events.Count); // created + first stage started, as for a deal entered by hand

        // Follow-ups as a GBK CSV written by Chinese Excel, one referring to a deal that does not exist.
        var followUps = """
            商机名称,跟进时间,跟进内容,客户需求,下一步,下一步日期
            110kV 变电站改造,2026-02-20 10:00,拜访总工，了解负荷情况,需要负荷曲线,发送调查表,2026-03-05
            110kV 变电站改造,2026/2/25,电话沟通方案范围,,,
            不存在的商机,2026-02-25 09:00,电话沟通,,,
            """;
        var gbk = CodePagesEncoding().GetBytes(followUps);
        var bad = await CheckAsync("FollowUps", "followups.csv", gbk);
        Assert.Contains("Unknown deal", bad);
        Assert.Contains("<td class=\"num\">4</td>", bad);
        var good = await CheckAsync("FollowUps", "followups.csv", CodePagesEncoding().GetBytes(string.Join('\n', followUps.Split('\n')[..3])));
        Assert.Contains("All 2 row(s) are fine", good);
        Assert.Contains("Imported 2 row(s).", await ImportAsync(good, "FollowUps"));
        var detail = await rA.GetJsonAsync($"/api/deals/{id}");
        var logged = detail["followUps"]!.AsArray();
        Assert.Equal(2, logged.Count);
        Assert.Equal("拜访总工，了解负荷情况", logged[0]!["content"].Str());
        Assert.Equal(new DateTimeOffset(2026, 2, 20, 2, 0, 0, TimeSpan.Zero), logged[0]!["visitedAt"]!.GetValue<DateTimeOffset>()); // 10:00 in Shanghai
        Assert.Equal(4, (await rA.GetJsonAsync($"/api/deals/{id}/events")).AsArray().Count);

        // The same file again: every row is now a duplicate, and nothing is added.
        var again = await CheckAsync("FollowUps", "followups.csv", CodePagesEncoding().GetBytes(string.Join('\n', followUps.Split('\n')[..3])));
        Assert.Contains("Duplicate: this follow-up is already on the deal.", again);
    }

    [Fact]
    public async Task An_xlsx_export_with_english_headers_imports_and_a_bad_follow_up_makes_the_whole_file_write_nothing()
    {
        await (await App.SignInEnAsync("rA")).CreateDealAsync("Grid upgrade");
        var rows = new[]
        {
            new Dictionary<string, object?> { ["Deal title"] = "Grid upgrade", ["Follow-up time"] = new DateTime(2026, 2, 27, 15, 30, 0), ["What happened"] = "Site visit with the chief engineer", ["Next step"] = "Send the quote", ["Next step date"] = new DateTime(2026, 3, 4) },
            new Dictionary<string, object?> { ["Deal title"] = "Grid upgrade", ["Follow-up time"] = "not a date", ["What happened"] = "Phone call about scope", ["Next step"] = null, ["Next step date"] = null },
            new Dictionary<string, object?> { ["Deal title"] = "Grid upgrade", ["Follow-up time"] = new DateTime(2026, 2, 28, 9, 0, 0), ["What happened"] = "ok", ["Next step"] = null, ["Next step date"] = null },
        };
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        var html = WebUtility.HtmlDecode(await CheckAsync("FollowUps", "crm.xlsx", stream.ToArray()));
        Assert.Contains("2 of 3 row(s) have problems", html);
        Assert.Contains("<td class=\"num\">3</td><td>\"not a date\" is not a date", html);
        Assert.Contains("<td class=\"num\">4</td>", html); // "ok" is too short for the engine's follow-up rule
        var rA = await App.SignInEnAsync("rA");
        var id = (await rA.GetJsonAsync("/api/deals"))["items"]![0]!["id"].Str();
        Assert.Empty((await rA.GetJsonAsync($"/api/deals/{id}"))["followUps"]!.AsArray());
    }

    [Fact]
    public async Task Importing_an_upload_that_is_not_there_asks_to_check_the_file_again()
    {
        // A fresh app has no upload folder yet (nothing was checked): still a message, not an error page.
        var r = await AsAdmin.PostFormAsync("/Admin/Import", "/Admin/Import?handler=Import",
            new Dictionary<string, string> { ["token"] = Guid.NewGuid().ToString("N"), ["Kind"] = "Deals" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("That upload is no longer here; check the file again.", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Templates_download_in_both_languages_and_formats_and_a_template_checks_its_header()
    {
        var xlsx = await AsAdmin.Http.GetAsync("/Admin/Import?handler=Template&kind=Deals&format=xlsx&lang=zh");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var sheet = (await xlsx.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(new[] { "商机名称", "客户名称", "客户类型", "销售邮箱", "预计金额" }, sheet[0].Keys.ToArray());
        var csv = await (await AsAdmin.Http.GetAsync("/Admin/Import?handler=Template&kind=FollowUps&format=csv&lang=en")).Content.ReadAsByteArrayAsync();
        Assert.StartsWith("Deal title,Customer,Follow-up time", Encoding.UTF8.GetString(csv, 3, csv.Length - 3));
        var missing = await CheckAsync("Deals", "x.csv", Encoding.UTF8.GetBytes("Title,Customer\nA,B\n"));
        Assert.Contains("Missing column", missing);
        var rep = await App.SignInEnAsync("rA");
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.Http.GetAsync("/Admin/Import?handler=Template&kind=Deals")).Effective());
    }

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK");
    }
}
