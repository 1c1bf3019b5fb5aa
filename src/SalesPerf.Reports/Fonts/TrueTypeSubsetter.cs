using System.Buffers.Binary;

namespace SalesPerf.Reports.Fonts;

/// <summary>
/// Builds a small TrueType font holding only the glyphs a document uses, renumbered from 1 (0 stays .notdef), with
/// a format-4 cmap for exactly the characters drawn. Skia's PDF backend here embeds fonts whole (a CJK font is
/// megabytes per document), so the renderer draws with this subset and Skia embeds a few kilobytes instead.
/// Metrics and outlines are copied unchanged, so layout measured on the full font stays exact.
/// </summary>
internal static class TrueTypeSubsetter
{
    private static readonly string[] CopiedTables = ["OS/2", "name", "cvt ", "fpgm", "prep", "gasp"];

    /// <summary>The subset font's bytes, or null when the face has no TrueType outlines (e.g. CFF) or too many characters.</summary>
    public static byte[]? Subset(FontFace face, IReadOnlyList<(char Ch, ushort Glyph)> mapping)
    {
        if (!face.Has("glyf") || !face.Has("loca") || !face.Has("head") || !face.Has("hhea") || !face.Has("hmtx") || !face.Has("maxp"))
            return null;
        var head = face.Table("head");
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(head[50..]) == 1;
        var loca = face.Table("loca");
        var glyf = face.Table("glyf");
        var numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(face.Table("maxp")[4..]);

        // The glyph set: .notdef, the mapped glyphs and, for composite glyphs, their components.
        var used = new SortedSet<int> { 0 };
        var pending = new Stack<int>();
        foreach (var (_, g) in mapping) if (g != 0 && g < numGlyphs && used.Add(g)) pending.Push(g);
        while (pending.Count > 0)
            foreach (var component in Components(glyf, GlyphRange(loca, longLoca, numGlyphs, pending.Pop())))
                if (component < numGlyphs && used.Add(component)) pending.Push(component);
        var newId = new Dictionary<int, int>(used.Count);
        foreach (var g in used) newId[g] = newId.Count;

        // glyf + loca (long offsets), composite component ids rewritten.
        var glyfOut = new MemoryStream();
        var locaOut = new byte[4 * (used.Count + 1)];
        var index = 0;
        foreach (var g in used)
        {
            BinaryPrimitives.WriteUInt32BigEndian(locaOut.AsSpan(4 * index++), (uint)glyfOut.Length);
            var (start, end) = GlyphRange(loca, longLoca, numGlyphs, g);
            if (end <= start) continue;
            var bytes = glyf[start..end].ToArray();
            RenumberComponents(bytes, newId);
            glyfOut.Write(bytes);
            while (glyfOut.Length % 4 != 0) glyfOut.WriteByte(0);
        }
        BinaryPrimitives.WriteUInt32BigEndian(locaOut.AsSpan(4 * index), (uint)glyfOut.Length);

        // hmtx with a full metric per glyph.
        var hmtx = face.Table("hmtx");
        var hMetrics = BinaryPrimitives.ReadUInt16BigEndian(face.Table("hhea")[34..]);
        var hmtxOut = new byte[4 * used.Count];
        index = 0;
        foreach (var g in used)
        {
            var advance = BinaryPrimitives.ReadUInt16BigEndian(hmtx[(4 * Math.Min(g, hMetrics - 1))..]);
            var lsb = g < hMetrics
                ? BinaryPrimitives.ReadInt16BigEndian(hmtx[(4 * g + 2)..])
                : BinaryPrimitives.ReadInt16BigEndian(hmtx[(4 * hMetrics + 2 * (g - hMetrics))..]);
            BinaryPrimitives.WriteUInt16BigEndian(hmtxOut.AsSpan(4 * index), advance);
            BinaryPrimitives.WriteInt16BigEndian(hmtxOut.AsSpan(4 * index + 2), lsb);
            index++;
        }

        var cmap = Cmap(mapping, newId);
        if (cmap is null) return null;

        var headOut = head.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(headOut.AsSpan(8), 0);
        BinaryPrimitives.WriteInt16BigEndian(headOut.AsSpan(50), 1);
        var hheaOut = face.Table("hhea").ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(hheaOut.AsSpan(34), (ushort)used.Count);
        var maxpOut = face.Table("maxp").ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(maxpOut.AsSpan(4), (ushort)used.Count);
        var postOut = new byte[32];
        BinaryPrimitives.WriteUInt32BigEndian(postOut, 0x00030000);
        if (face.Has("post")) face.Table("post").Slice(4, 12).CopyTo(postOut.AsSpan(4)); // italic angle, underline

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["cmap"] = cmap, ["glyf"] = glyfOut.ToArray(), ["head"] = headOut, ["hhea"] = hheaOut,
            ["hmtx"] = hmtxOut, ["loca"] = locaOut, ["maxp"] = maxpOut, ["post"] = postOut,
        };
        foreach (var tag in CopiedTables)
            if (face.Has(tag)) tables[tag] = face.Table(tag).ToArray();
        return WriteSfnt(tables);
    }

    private static (int Start, int End) GlyphRange(ReadOnlySpan<byte> loca, bool longLoca, int numGlyphs, int gid)
    {
        if (gid >= numGlyphs) return (0, 0);
        return longLoca
            ? ((int)BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * gid)..]), (int)BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * gid + 4)..]))
            : (2 * BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * gid)..]), 2 * BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * gid + 2)..]));
    }

    private static List<int> Components(ReadOnlySpan<byte> glyf, (int Start, int End) range)
    {
        var result = new List<int>();
        if (range.End - range.Start < 10 || BinaryPrimitives.ReadInt16BigEndian(glyf[range.Start..]) >= 0) return result;
        var p = range.Start + 10;
        while (p + 4 <= range.End)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(glyf[p..]);
            result.Add(BinaryPrimitives.ReadUInt16BigEndian(glyf[(p + 2)..]));
            p += 4 + ComponentArgsLength(flags);
            if ((flags & 0x20) == 0) break;
        }
        return result;
    }

    private static void RenumberComponents(byte[] glyph, Dictionary<int, int> newId)
    {
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0) return;
        var p = 10;
        while (p + 4 <= glyph.Length)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(glyph.AsSpan(p));
            var old = BinaryPrimitives.ReadUInt16BigEndian(glyph.AsSpan(p + 2));
            BinaryPrimitives.WriteUInt16BigEndian(glyph.AsSpan(p + 2), (ushort)newId.GetValueOrDefault(old));
            p += 4 + ComponentArgsLength(flags);
            if ((flags & 0x20) == 0) break;
        }
    }

    private static int ComponentArgsLength(ushort flags) =>
        ((flags & 0x01) != 0 ? 4 : 2) + ((flags & 0x08) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0);

    /// <summary>A (3,1) format-4 cmap; runs of consecutive characters with consecutive glyphs share a segment.</summary>
    private static byte[]? Cmap(IReadOnlyList<(char Ch, ushort Glyph)> mapping, Dictionary<int, int> newId)
    {
        var pairs = mapping.Where(m => m.Glyph != 0 && m.Ch != 0xFFFF && newId.ContainsKey(m.Glyph))
            .Select(m => (Ch: (int)m.Ch, Gid: newId[m.Glyph])).DistinctBy(m => m.Ch).OrderBy(m => m.Ch).ToList();
        var segments = new List<(int Start, int End, int Delta)>();
        foreach (var (ch, gid) in pairs)
        {
            if (segments.Count > 0 && segments[^1].End == ch - 1 && (segments[^1].Delta + ch) % 65536 == gid)
                segments[^1] = (segments[^1].Start, ch, segments[^1].Delta);
            else
                segments.Add((ch, ch, (gid - ch + 65536) % 65536));
        }
        segments.Add((0xFFFF, 0xFFFF, 1));
        var segCount = segments.Count;
        var subtableLength = 16 + 8 * segCount;
        if (subtableLength > 65535) return null;
        var table = new byte[12 + subtableLength];
        var s = table.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(s[2..], 1);       // one encoding record
        BinaryPrimitives.WriteUInt16BigEndian(s[4..], 3);       // Windows
        BinaryPrimitives.WriteUInt16BigEndian(s[6..], 1);       // Unicode BMP
        BinaryPrimitives.WriteUInt32BigEndian(s[8..], 12);
        var t = s[12..];
        BinaryPrimitives.WriteUInt16BigEndian(t, 4);
        BinaryPrimitives.WriteUInt16BigEndian(t[2..], (ushort)subtableLength);
        BinaryPrimitives.WriteUInt16BigEndian(t[6..], (ushort)(2 * segCount));
        var entrySelector = (int)Math.Floor(Math.Log2(segCount));
        var searchRange = 2 * (1 << entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(t[8..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(t[10..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(t[12..], (ushort)(2 * segCount - searchRange));
        for (var i = 0; i < segCount; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(t[(14 + 2 * i)..], (ushort)segments[i].End);
            BinaryPrimitives.WriteUInt16BigEndian(t[(16 + 2 * segCount + 2 * i)..], (ushort)segments[i].Start);
            BinaryPrimitives.WriteUInt16BigEndian(t[(16 + 4 * segCount + 2 * i)..], (ushort)segments[i].Delta);
        }
        return table;
    }

    private static byte[] WriteSfnt(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var entrySelector = (int)Math.Floor(Math.Log2(count));
        var searchRange = 16 * (1 << entrySelector);
        var offset = 12 + 16 * count;
        var total = offset + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var output = new byte[total];
        var o = output.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(o, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(o[4..], (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(o[6..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(o[8..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(o[10..], (ushort)(16 * count - searchRange));
        var i = 0;
        var headOffset = 0;
        foreach (var (tag, data) in tables)
        {
            var record = o.Slice(12 + 16 * i++, 16);
            System.Text.Encoding.ASCII.GetBytes(tag, record);
            data.CopyTo(o[offset..]);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(o.Slice(offset, (data.Length + 3) & ~3)));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            if (tag == "head") headOffset = offset;
            offset += (data.Length + 3) & ~3;
        }
        BinaryPrimitives.WriteUInt32BigEndian(o[(headOffset + 8)..], unchecked(0xB1B0AFBA - Checksum(o)));
        return output;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var p = 0; p + 4 <= data.Length; p += 4) sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[p..]));
        return sum;
    }
}
