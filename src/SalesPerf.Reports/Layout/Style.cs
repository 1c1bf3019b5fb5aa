namespace SalesPerf.Reports.Layout;

/// <summary>Page geometry, sizes and colours of the reports (A4, points).</summary>
internal static class Style
{
    public const float PageWidth = 595f;
    public const float PageHeight = 842f;
    public const float Margin = 48f;
    public const float ContentTop = 66f;
    public const float ContentBottom = PageHeight - 54f;
    public const float ContentWidth = PageWidth - 2 * Margin;

    public const float Body = 9.5f;
    public const float Small = 8f;
    public const float Tiny = 7f;
    public const float H1 = 15f;
    public const float H2 = 11.5f;
    public const float LineFactor = 1.45f;

    public const uint Ink = 0xFF1F2933;
    public const uint Muted = 0xFF616E7C;
    public const uint Rule = 0xFFCBD2D9;
    public const uint Zebra = 0xFFF5F7FA;
    public const uint HeaderFill = 0xFFE4E9F0;
    public const uint Accent = 0xFF1D4E89;
    public const uint AccentLight = 0xFF9FB3C8;
    public const uint Good = 0xFF2F8F46;
    public const uint Late = 0xFFE0822B;
    public const uint Bad = 0xFFC23B3B;
    public const uint SentBack = 0xFF8E5BB5;
    public const uint Pending = 0xFF3D7DD8;
    public const uint Grey = 0xFF9AA5B1;
    public const uint White = 0xFFFFFFFF;
}
