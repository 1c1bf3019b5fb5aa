using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SalesPerf.Reports.Layout;

namespace SalesPerf.Reports.Pdf;

/// <summary>
/// Adds a document outline (bookmarks) and the document language to a finished PDF by appending an incremental
/// update: the outline objects, a new revision of the catalog that points to them, an xref section for just those
/// objects and a trailer whose /Prev is the original xref. Skia's PDF backend has no outline API; this reads only
/// what Skia itself wrote (a classic xref table, the catalog and the page tree) to find the page objects.
/// </summary>
internal static partial class PdfOutlineAppender
{
    /// <param name="pdf">Readable, seekable and writable; the PDF occupies [start, Length).</param>
    public static void Append(Stream pdf, long start, IReadOnlyList<OutlineNode> outline, string language, float pageHeight)
    {
        var reader = new Reader(pdf, start);
        var prevXref = reader.StartXref();
        var (offsets, trailer) = reader.XrefAndTrailer(prevXref);
        var size = Int(SizeKey().Match(trailer));
        var root = Int(RootKey().Match(trailer));
        var infoMatch = InfoKey().Match(trailer);
        var catalog = reader.Object(root, offsets);
        var pages = new List<int>();
        reader.CollectPages(Int(PagesKey().Match(catalog)), offsets, pages, depth: 0);

        // Number the outline: the root, then every node depth-first.
        var numbers = new Dictionary<OutlineNode, int>();
        var next = size + 1;
        void Number(IEnumerable<OutlineNode> nodes)
        {
            foreach (var n in nodes)
            {
                numbers[n] = next++;
                Number(n.Children);
            }
        }
        Number(outline);
        var outlineRoot = size;

        var objects = new SortedDictionary<int, string>();
        objects[outlineRoot] = outline.Count == 0
            ? "<</Type /Outlines /Count 0>>"
            : $"<</Type /Outlines /First {numbers[outline[0]]} 0 R /Last {numbers[outline[^1]]} 0 R /Count {outline.Count}>>";
        void Emit(IReadOnlyList<OutlineNode> siblings, int parent)
        {
            for (var i = 0; i < siblings.Count; i++)
            {
                var n = siblings[i];
                var page = pages[Math.Clamp(n.Page, 0, pages.Count - 1)];
                var sb = new StringBuilder("<</Title ").Append(TextString(n.Title)).Append(" /Parent ").Append(parent).Append(" 0 R");
                if (i > 0) sb.Append(" /Prev ").Append(numbers[siblings[i - 1]]).Append(" 0 R");
                if (i < siblings.Count - 1) sb.Append(" /Next ").Append(numbers[siblings[i + 1]]).Append(" 0 R");
                if (n.Children.Count > 0)
                    sb.Append(" /First ").Append(numbers[n.Children[0]]).Append(" 0 R /Last ").Append(numbers[n.Children[^1]])
                      .Append(" 0 R /Count -").Append(n.Children.Count); // closed: a pack shows one line per rep
                sb.Append(" /Dest [").Append(page).Append(" 0 R /XYZ 0 ")
                  .Append((pageHeight - n.Top).ToString("0.##", CultureInfo.InvariantCulture)).Append(" null]>>");
                objects[numbers[n]] = sb.ToString();
                Emit(n.Children, numbers[n]);
            }
        }
        Emit(outline, outlineRoot);

        var body = catalog.Trim();
        body = body[..body.LastIndexOf(">>", StringComparison.Ordinal)];
        body = OutlineKeys().Replace(body, "");
        objects[root] = $"{body}\n/Outlines {outlineRoot} 0 R\n/PageMode /UseOutlines\n/Lang {TextString(language)}>>";

        pdf.Seek(0, SeekOrigin.End);
        var writer = new Writer(pdf, start);
        writer.Write("\n");
        var written = new SortedDictionary<int, long>();
        foreach (var (number, text) in objects)
        {
            written[number] = writer.Position;
            writer.Write($"{number} 0 obj\n{text}\nendobj\n");
        }
        var xref = writer.Position;
        var sbx = new StringBuilder("xref\n");
        foreach (var run in Runs(written.Keys))
        {
            sbx.Append(run.First).Append(' ').Append(run.Count).Append('\n');
            for (var k = 0; k < run.Count; k++) sbx.Append(written[run.First + k].ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n\r\n");
        }
        sbx.Append("trailer\n<</Size ").Append(next).Append(" /Root ").Append(root).Append(" 0 R");
        if (infoMatch.Success) sbx.Append(" /Info ").Append(Int(infoMatch)).Append(" 0 R");
        sbx.Append(" /Prev ").Append(prevXref).Append(">>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        writer.Write(sbx.ToString());
        pdf.Flush();
    }

    /// <summary>A PDF text string: UTF-16BE with a byte-order mark, in hex.</summary>
    internal static string TextString(string s)
    {
        var sb = new StringBuilder("<FEFF", 6 + s.Length * 4);
        foreach (var c in s) sb.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        return sb.Append('>').ToString();
    }

    private static IEnumerable<(int First, int Count)> Runs(IEnumerable<int> sorted)
    {
        int? first = null;
        var count = 0;
        foreach (var n in sorted)
        {
            if (first is { } f && n == f + count) { count++; continue; }
            if (first is { } g) yield return (g, count);
            first = n;
            count = 1;
        }
        if (first is { } h) yield return (h, count);
    }

    private static int Int(Match m) =>
        m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidDataException("Unexpected PDF structure: " + m);

    [GeneratedRegex(@"/Size\s+(\d+)")] private static partial Regex SizeKey();
    [GeneratedRegex(@"/Root\s+(\d+)\s+\d+\s+R")] private static partial Regex RootKey();
    [GeneratedRegex(@"/Info\s+(\d+)\s+\d+\s+R")] private static partial Regex InfoKey();
    [GeneratedRegex(@"/Pages\s+(\d+)\s+\d+\s+R")] private static partial Regex PagesKey();
    [GeneratedRegex(@"/Kids\s*\[([^\]]*)\]")] internal static partial Regex KidsKey();
    [GeneratedRegex(@"(\d+)\s+\d+\s+R")] internal static partial Regex Reference();
    [GeneratedRegex(@"/Type\s*/Pages\b")] internal static partial Regex PagesType();
    [GeneratedRegex(@"/(Outlines\s+\d+\s+\d+\s+R|PageMode\s*/\w+|Lang\s*(\([^)]*\)|<[0-9A-Fa-f]*>))")] private static partial Regex OutlineKeys();

    private sealed class Reader(Stream pdf, long start)
    {
        public long StartXref()
        {
            var tail = Read(Math.Max(start, pdf.Length - 1024), (int)Math.Min(1024, pdf.Length - start));
            var at = tail.LastIndexOf("startxref", StringComparison.Ordinal);
            if (at < 0) throw new InvalidDataException("The PDF has no startxref.");
            return long.Parse(tail.AsSpan(at + 9).Trim().ToString().Split('\n', '\r')[0].Trim(), CultureInfo.InvariantCulture);
        }

        public (Dictionary<int, long> Offsets, string Trailer) XrefAndTrailer(long xref)
        {
            var text = Read(start + xref, (int)(pdf.Length - start - xref));
            if (!text.StartsWith("xref", StringComparison.Ordinal)) throw new InvalidDataException("The PDF has no classic xref table.");
            var offsets = new Dictionary<int, long>();
            var lines = text.Split('\n');
            var i = 1;
            while (i < lines.Length && !lines[i].StartsWith("trailer", StringComparison.Ordinal))
            {
                var header = lines[i++].Trim().Split(' ');
                int first = int.Parse(header[0], CultureInfo.InvariantCulture), count = int.Parse(header[1], CultureInfo.InvariantCulture);
                for (var k = 0; k < count; k++, i++)
                {
                    var entry = lines[i].Trim();
                    if (entry.EndsWith('n')) offsets[first + k] = long.Parse(entry[..10], CultureInfo.InvariantCulture);
                }
            }
            return (offsets, string.Join('\n', lines.Skip(i)));
        }

        public string Object(int number, Dictionary<int, long> offsets)
        {
            if (!offsets.TryGetValue(number, out var offset)) throw new InvalidDataException($"PDF object {number} is not in the xref.");
            for (var length = 2048; ; length *= 4)
            {
                var available = (int)Math.Min(length, pdf.Length - start - offset);
                var text = Read(start + offset, available);
                var open = text.IndexOf(" obj", StringComparison.Ordinal);
                var end = text.IndexOf("endobj", StringComparison.Ordinal);
                var stream = text.IndexOf("stream", StringComparison.Ordinal);
                if (stream >= 0 && (end < 0 || stream < end)) end = stream;
                if (open >= 0 && end > open) return text[(open + 4)..end];
                if (available < length) throw new InvalidDataException($"PDF object {number} is not terminated.");
            }
        }

        public void CollectPages(int number, Dictionary<int, long> offsets, List<int> pages, int depth)
        {
            if (depth > 32) throw new InvalidDataException("The PDF page tree is too deep.");
            var node = Object(number, offsets);
            if (!PagesType().IsMatch(node))
            {
                pages.Add(number);
                return;
            }
            var kids = KidsKey().Match(node);
            if (!kids.Success) return;
            foreach (Match kid in Reference().Matches(kids.Groups[1].Value))
                CollectPages(int.Parse(kid.Groups[1].Value, CultureInfo.InvariantCulture), offsets, pages, depth + 1);
        }

        private string Read(long position, int count)
        {
            var buffer = new byte[count];
            pdf.Seek(position, SeekOrigin.Begin);
            pdf.ReadExactly(buffer);
            return Encoding.Latin1.GetString(buffer);
        }
    }

    private sealed class Writer(Stream pdf, long start)
    {
        public long Position => pdf.Position - start;

        public void Write(string s)
        {
            var bytes = Encoding.Latin1.GetBytes(s);
            pdf.Write(bytes);
        }
    }
}
