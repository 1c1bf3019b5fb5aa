using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Administration.Import;
using SalesPerf.Web.Hosting;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Pages.Admin.Import;

/// <summary>
/// Import deals or follow-ups from a CRM export. "Check" stores the upload and does a dry run that lists every bad row;
/// "Import" runs the stored file again and writes all rows in one transaction, or nothing.
/// </summary>
[Authorize(Roles = Roles.Admin)]
[RequestSizeLimit(SheetReader.MaxBytes + 64 * 1024)]
public sealed class IndexModel(DealImporter importer, RequestAccess access, IWebHostEnvironment env, IOptions<SalesPerfOptions> options, Loc l) : PageModel
{
    [BindProperty] public ImportKind Kind { get; set; } = ImportKind.Deals;
    public ImportReport? Report { get; private set; }
    /// <summary>The stored upload the "Import" button refers to (after a clean dry run).</summary>
    public string? Token { get; private set; }
    public string? FileName { get; private set; }
    public string? Error { get; private set; }

    private string Folder => Path.Combine(env.ContentRootPath, options.Value.DataPath, "imports");

    public void OnGet() { }

    public async Task<IActionResult> OnPostCheckAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) { Error = l["Choose a file to check."]; return Page(); }
        if (file.Length > SheetReader.MaxBytes) { Error = l["The file is larger than 5 MB; split it into smaller files."]; return Page(); }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        FileName = Path.GetFileName(file.FileName);
        Report = await RunAsync(content, FileName, write: false, ct);
        if (Report.Clean)
        {
            var token = Guid.NewGuid().ToString("N");
            Directory.CreateDirectory(Folder);
            await System.IO.File.WriteAllBytesAsync(Path.Combine(Folder, token + (IsXlsx(FileName) ? ".xlsx" : ".csv")), content, ct);
            Token = token;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string? token, CancellationToken ct)
    {
        var path = Guid.TryParseExact(token, "N", out var id) && Directory.Exists(Folder) ? Directory.EnumerateFiles(Folder, $"{id:N}.*").FirstOrDefault() : null;
        if (path is null) { Error = l["That upload is no longer here; check the file again."]; return Page(); }
        FileName = Path.GetFileName(path);
        Report = await RunAsync(await System.IO.File.ReadAllBytesAsync(path, ct), FileName, write: true, ct);
        if (Report.Written) System.IO.File.Delete(path);
        else Token = token;
        return Page();
    }

    public IActionResult OnGetTemplate(ImportKind kind, string? format, string? lang)
    {
        var (content, type, name) = ImportTemplates.Build(kind, format != "csv", lang == "zh" || (lang is null && Loc.IsZh));
        return File(content, type, name);
    }

    private async Task<ImportReport> RunAsync(byte[] content, string fileName, bool write, CancellationToken ct) =>
        await importer.RunAsync(SheetReader.Read(content, fileName, Kind, l), Kind, await access.GetAsync(ct), write, ct);

    private static bool IsXlsx(string name) => name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
}
