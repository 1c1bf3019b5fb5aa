using System.Text;
using MiniExcelLibs;

namespace SalesPerf.Web.Administration.Import;

/// <summary>Template files to fill in: the columns of each import with an example row, headers in Chinese or English, as CSV or .xlsx.</summary>
public static class ImportTemplates
{
    private static readonly Dictionary<ImportKind, string[]> Examples = new()
    {
        [ImportKind.Deals] = ["Substation upgrade 110 kV", "State Grid Hebei", "grid", "rep@example.com", "1200000"],
        [ImportKind.FollowUps] = ["Substation upgrade 110 kV", "State Grid Hebei", "2026-03-02 14:30", "Met the chief engineer; load data promised", "Load profile for 2025", "Send questionnaire", "2026-03-06"],
    };

    public static (byte[] Content, string ContentType, string FileName) Build(ImportKind kind, bool xlsx, bool zh)
    {
        var headers = ImportColumns.For(kind).Select(c => zh ? c.HeaderZh : c.HeaderEn).ToList();
        var example = Examples[kind];
        var name = $"salesperf-{(kind == ImportKind.Deals ? "deals" : "follow-ups")}-{(zh ? "zh" : "en")}";
        if (!xlsx)
        {
            var csv = new StringBuilder();
            csv.AppendLine(string.Join(",", headers.Select(Quote)));
            csv.AppendLine(string.Join(",", example.Select(Quote)));
            return ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], "text/csv; charset=utf-8", name + ".csv");
        }
        var row = new Dictionary<string, object?>();
        for (var i = 0; i < headers.Count; i++) row[headers[i]] = example[i];
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { row }, excelType: ExcelType.XLSX);
        return (stream.ToArray(), Export.ExcelExport.ContentType, name + ".xlsx");
    }

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
}
