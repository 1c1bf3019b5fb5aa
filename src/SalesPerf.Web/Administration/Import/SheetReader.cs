using System.Globalization;
using System.Text;
using MiniExcelLibs;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Administration.Import;

/// <summary>One data row of an uploaded sheet: its row number as the spreadsheet shows it (the header is row 1) and its values by column key.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, string> Values)
{
    public string Get(string key) => Values.TryGetValue(key, out var v) ? v : "";
}

/// <summary>The rows of an upload, or why it could not be read at all (wrong format, missing columns).</summary>
public sealed record Sheet(IReadOnlyList<SheetRow> Rows, IReadOnlyList<string> Errors);

/// <summary>
/// Reads a CRM export: CSV (UTF-8 with or without BOM, UTF-16 with BOM, or GBK/GB18030 as Chinese Excel saves it) or .xlsx
/// (MiniExcel, streamed). Headers are matched to <see cref="ImportColumns"/>; empty rows are skipped.
/// </summary>
public static class SheetReader
{
    public const int MaxRows = 5000;
    public const long MaxBytes = 5 * 1024 * 1024;

    static SheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Sheet Read(byte[] content, string fileName, ImportKind kind, Loc l)
    {
        if (content.Length == 0) return Fail(l["The file is empty."]);
        if (content.Length > MaxBytes) return Fail(l["The file is larger than 5 MB; split it into smaller files."]);
        var isZip = content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        List<string?[]> table;
        try
        {
            if (isZip) table = ReadXlsx(content);
            else if (ext is ".xlsx" or ".xls") return Fail(l["This is not an .xlsx workbook (an old .xls? save it as .xlsx or CSV)."]);
            else table = Csv.Parse(Decode(content));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or FormatException or NotSupportedException
                                      or System.Xml.XmlException or ArgumentException)
        {
            return Fail(l["The file could not be read as CSV or .xlsx."]);
        }
        return Map(table, kind, l);
    }

    private static Sheet Fail(string error) => new([], [error]);

    private static Sheet Map(List<string?[]> table, ImportKind kind, Loc l)
    {
        var header = table.Count > 0 ? table[0] : [];
        var keys = header.Select(h => h is null ? null : ImportColumns.Find(kind, h)?.Key).ToArray();
        var errors = new List<string>();
        foreach (var column in ImportColumns.For(kind).Where(c => c.Required && !keys.Contains(c.Key)))
            errors.Add(l["Missing column \"{0}\" / \"{1}\".", column.HeaderEn, column.HeaderZh]);
        foreach (var dup in keys.Where(k => k is not null).GroupBy(k => k).Where(g => g.Count() > 1))
            errors.Add(l["Two columns mean the same field ({0}); keep one.", dup.Key!]);
        if (table.Count - 1 > MaxRows) errors.Add(l["At most {0} rows per file; split it.", MaxRows]);
        if (errors.Count > 0) return new([], errors);

        var rows = new List<SheetRow>();
        for (var i = 1; i < table.Count; i++)
        {
            var cells = table[i];
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            var values = new Dictionary<string, string>();
            for (var c = 0; c < keys.Length && c < cells.Length; c++)
                if (keys[c] is { } key) values[key] = cells[c]?.Trim() ?? "";
            rows.Add(new SheetRow(i + 1, values));
        }
        return new(rows, rows.Count == 0 ? [l["The file has a header but no rows."]] : []);
    }

    /// <summary>UTF-8 (BOM or valid without), UTF-16 with BOM, else GB18030 (a superset of GBK, what Chinese Excel writes).</summary>
    public static string Decode(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) return new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
        if (bytes is [0xFF, 0xFE, ..]) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes is [0xFE, 0xFF, ..]) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        try { return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
        catch (DecoderFallbackException) { return Encoding.GetEncoding("GB18030").GetString(bytes); }
    }

    private static List<string?[]> ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        var table = new List<string?[]>();
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            table.Add(row.Values.Select(Text).ToArray());
            if (table.Count > MaxRows + 1) break;
        }
        return table;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double n => n.ToString("R", CultureInfo.InvariantCulture),
        decimal n => n.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>RFC 4180 CSV: quoted fields with "" escapes and line breaks; comma, semicolon or tab separated (guessed from the header).</summary>
public static class Csv
{
    public static List<string?[]> Parse(string text)
    {
        var firstLine = text.Split('\n', 2)[0];
        var separator = new[] { ',', ';', '\t' }.OrderByDescending(s => firstLine.Count(c => c == s)).First();
        var rows = new List<string?[]>();
        var row = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == separator) { row.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString()); field.Clear();
                rows.Add(row.ToArray()); row.Clear();
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row.ToArray()); }
        return rows;
    }
}
