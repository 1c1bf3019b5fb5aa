using System.Buffers.Binary;

namespace SalesPerf.Reports.Fonts;

/// <summary>One face of a TrueType/OpenType file (or of a .ttc collection): its bytes and table directory.</summary>
internal sealed class FontFace
{
    private readonly Dictionary<string, (int Offset, int Length)> _tables = new(StringComparer.Ordinal);

    private FontFace(byte[] data) => Data = data;

    public byte[] Data { get; }

    public static FontFace? TryLoad(byte[] data, int faceIndex)
    {
        try
        {
            var face = new FontFace(data);
            var dir = 0;
            if (data.Length >= 12 && data[0] == 't' && data[1] == 't' && data[2] == 'c' && data[3] == 'f')
            {
                var faces = (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(8));
                if (faceIndex < 0 || faceIndex >= faces) return null;
                dir = (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(12 + 4 * faceIndex));
            }
            var count = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(dir + 4));
            for (var i = 0; i < count; i++)
            {
                var record = data.AsSpan(dir + 12 + 16 * i, 16);
                var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
                var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
                var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
                if (offset < 0 || length < 0 || (long)offset + length > data.Length) return null;
                face._tables[tag] = (offset, length);
            }
            return face;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public bool Has(string tag) => _tables.ContainsKey(tag);

    public ReadOnlySpan<byte> Table(string tag) =>
        _tables.TryGetValue(tag, out var t) ? Data.AsSpan(t.Offset, t.Length) : ReadOnlySpan<byte>.Empty;
}
