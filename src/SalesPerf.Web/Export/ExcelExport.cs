using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;

namespace SalesPerf.Web.Export;

/// <summary>
/// A list as an .xlsx download (MiniExcel). Pages build the rows from the same access-checked query they show,
/// so an export never holds more than the page would: one handler per page, e.g.
/// <c>public async Task&lt;IActionResult&gt; OnGetExportAsync() =&gt; ExcelExport.File("deals", rows);</c>
/// </summary>
public static class ExcelExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A sheet with one row per item and the given columns (header text in the viewer's language).</summary>
    public static FileContentResult File<T>(string name, IEnumerable<T> items, params (string Header, Func<T, object?> Value)[] columns)
    {
        var rows = items.Select(item =>
        {
            var row = new Dictionary<string, object?>(columns.Length);
            foreach (var (header, value) in columns) row[header] = Cell(value(item));
            return row;
        }).ToList();
        return File(name, rows, columns.Select(c => c.Header).ToList());
    }

    public static FileContentResult File(string name, IReadOnlyList<Dictionary<string, object?>> rows, IReadOnlyList<string> headers)
    {
        using var stream = new MemoryStream();
        if (rows.Count > 0) stream.SaveAs(rows, printHeader: true, sheetName: "Sheet1", excelType: ExcelType.XLSX);
        else
        {
            // An empty list still gets its header row, so the file says what it would contain.
            using var empty = new System.Data.DataTable("Sheet1");
            foreach (var h in headers) empty.Columns.Add(h, typeof(string));
            stream.SaveAs(empty, printHeader: true, sheetName: "Sheet1", excelType: ExcelType.XLSX);
        }
        var fileName = $"{name}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.xlsx";
        return new FileContentResult(stream.ToArray(), ContentType) { FileDownloadName = fileName };
    }

    /// <summary>Dates as ISO text, enums by name. Strings are written as string cells, never as formulas.</summary>
    private static object? Cell(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        _ => value,
    };
}
