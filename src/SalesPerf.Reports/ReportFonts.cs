using SalesPerf.Reports.Fonts;
using SkiaSharp;

namespace SalesPerf.Reports;

/// <summary>
/// The font the reports are drawn with. Chinese needs a CJK font: a configured file, else WQY MicroHei
/// (Debian <c>fonts-wqy-microhei</c>, whose characters extract from the PDF as themselves), else any CJK font
/// Skia's font manager or the usual font folders offer. Without one, <see cref="HasCjk"/> is false and
/// <see cref="Message"/> says what to install, so the app can log it and the report page can say it instead of
/// printing boxes; reports with Chinese text then fail with <see cref="ReportFontMissingException"/>.
/// Thread-safe: one instance serves every render.
/// </summary>
public sealed class ReportFonts : IDisposable
{
    public const string WqyMicroHeiPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private static readonly string[] FontFolders =
        ["/usr/share/fonts", "/usr/local/share/fonts", Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts")];
    private static readonly string[] CjkFileHints = ["wqy", "cjk", "sourcehan", "droidsansfallback", "uming", "ukai", "msyh", "simhei", "simsun"];
    private static readonly string[] LatinFiles = ["DejaVuSans.ttf", "LiberationSans-Regular.ttf", "NotoSans-Regular.ttf", "FreeSans.ttf"];

    private readonly float[] _advance = new float[65536];
    private readonly bool[] _missing = new bool[65536];
    private readonly SKFont _measureFont;
    private readonly Lock _gate = new();

    /// <param name="configuredPath">A font file to use (e.g. from <c>SalesPerf:Reports:FontPath</c>); null or empty: search.</param>
    /// <param name="searchSystemFonts">False uses only <paramref name="configuredPath"/> for Chinese (tests, strict setups).</param>
    public ReportFonts(string? configuredPath = null, bool searchSystemFonts = true)
    {
        Array.Fill(_advance, float.NaN);
        var notes = new List<string>();
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            if (!File.Exists(configuredPath)) notes.Add($"The configured report font '{configuredPath}' does not exist.");
            else if (TryLoad(File.ReadAllBytes(configuredPath), configuredPath, requireCjk: true) is not { } configured)
                notes.Add($"The configured report font '{configuredPath}' has no Chinese characters (or is not a font file).");
            else Use(configured);
        }
        if (Typeface is null && searchSystemFonts) FindCjk();
        HasCjk = Typeface is not null;
        if (!HasCjk)
        {
            if (FindLatin() is { } latin) Use(latin);
            notes.Add("No Chinese (CJK) font was found, so reports with Chinese text cannot be drawn. Install one " +
                      "(Debian/Ubuntu: apt-get install fonts-wqy-microhei) or set SalesPerf:Reports:FontPath to a .ttf/.ttc file.");
            Message = string.Join(" ", notes);
            MessageZh = "未找到中文（CJK）字体，无法生成含中文的报告。请安装字体（Debian/Ubuntu：apt-get install fonts-wqy-microhei），" +
                        "或在 SalesPerf:Reports:FontPath 中配置 .ttf/.ttc 字体文件。";
        }
        else
        {
            Message = string.Join(" ", notes.Append($"Reports use the font '{Typeface!.FamilyName}' ({FontPath})."));
            MessageZh = $"报告字体：{Typeface.FamilyName}（{FontPath}）。";
        }
        _measureFont = new SKFont(Typeface ?? SKTypeface.Default, 1000f) { LinearMetrics = true, Subpixel = true, Hinting = SKFontHinting.None };
    }

    /// <summary>True when Chinese text can be drawn.</summary>
    public bool HasCjk { get; }

    /// <summary>Which font is used, or what is missing and how to fix it (English, for the log and admins).</summary>
    public string Message { get; }

    /// <summary><see cref="Message"/> in Chinese, for the zh-CN report page.</summary>
    public string MessageZh { get; }

    /// <summary>The file the font came from, when known.</summary>
    public string? FontPath { get; private set; }

    internal SKTypeface? Typeface { get; private set; }

    /// <summary>The face's bytes for subsetting (null when the font is not a TrueType file we can read).</summary>
    internal FontFace? Face { get; private set; }

    /// <summary>The message for a report in <paramref name="language"/>.</summary>
    public string MessageFor(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? MessageZh : Message;

    /// <summary>Advance width of <paramref name="c"/> at 1 pt (cached).</summary>
    internal float Advance(char c)
    {
        var width = _advance[c];
        if (!float.IsNaN(width)) return width;
        lock (_gate)
        {
            Span<char> one = [c];
            Span<ushort> glyph = stackalloc ushort[1];
            Span<float> widths = stackalloc float[1];
            _measureFont.GetGlyphs(one, glyph);
            _measureFont.GetGlyphWidths(one, widths, Span<SKRect>.Empty, null);
            _missing[c] = glyph[0] == 0 && !char.IsControl(c);
            _advance[c] = width = widths[0] / 1000f;
            return width;
        }
    }

    /// <summary>True when the font has no glyph for <paramref name="c"/>.</summary>
    internal bool IsMissing(char c)
    {
        Advance(c);
        return _missing[c];
    }

    internal ushort Glyph(char c)
    {
        lock (_gate)
        {
            Span<char> one = [c];
            Span<ushort> glyph = stackalloc ushort[1];
            _measureFont.GetGlyphs(one, glyph);
            return glyph[0];
        }
    }

    public void Dispose()
    {
        _measureFont.Dispose();
        Typeface?.Dispose();
    }

    private sealed record Loaded(SKTypeface Typeface, FontFace? Face, string Path);

    private void Use(Loaded loaded)
    {
        Typeface = loaded.Typeface;
        Face = loaded.Face;
        FontPath = loaded.Path;
    }

    private static Loaded? TryLoad(byte[] bytes, string path, bool requireCjk, int index = 0)
    {
        var typeface = SKTypeface.FromData(SKData.CreateCopy(bytes), index);
        if (typeface is null) return null;
        using var probe = new SKFont(typeface, 12);
        if (requireCjk && (probe.GetGlyph('中') == 0 || probe.GetGlyph('页') == 0))
        {
            typeface.Dispose();
            return null;
        }
        return new Loaded(typeface, FontFace.TryLoad(bytes, index), path);
    }

    private void FindCjk()
    {
        if (File.Exists(WqyMicroHeiPath) && TryLoad(File.ReadAllBytes(WqyMicroHeiPath), WqyMicroHeiPath, true) is { } wqy)
        {
            Use(wqy);
            return;
        }
        // Skia's font manager (empty with the dependency-free Linux build, but not on other platforms).
        using (var matched = SKFontManager.Default.MatchCharacter('中'))
        {
            if (matched is not null)
            {
                using var stream = matched.OpenStream(out var ttcIndex);
                if (stream is not null)
                {
                    using var data = SKData.Create(stream);
                    if (TryLoad(data.ToArray(), matched.FamilyName, true, ttcIndex) is { } m)
                    {
                        Use(m);
                        return;
                    }
                }
            }
        }
        foreach (var file in FontFiles().Where(f => CjkFileHints.Any(h => Path.GetFileName(f).Contains(h, StringComparison.OrdinalIgnoreCase)))
                     .OrderBy(f => Path.GetFileName(f).Contains("wqy", StringComparison.OrdinalIgnoreCase) ? 0 : 1))
        {
            if (TryLoad(File.ReadAllBytes(file), file, true) is { } found)
            {
                Use(found);
                return;
            }
        }
    }

    private static Loaded? FindLatin()
    {
        var files = FontFiles().ToList(); // one walk of the font folders, not one per candidate
        foreach (var name in LatinFiles)
        {
            var file = files.FirstOrDefault(f => Path.GetFileName(f).Equals(name, StringComparison.OrdinalIgnoreCase));
            if (file is not null && TryLoad(File.ReadAllBytes(file), file, false) is { } loaded) return loaded;
        }
        return null;
    }

    private static IEnumerable<string> FontFiles()
    {
        foreach (var folder in FontFolders.Where(Directory.Exists))
        {
            IEnumerable<string> files;
            try { files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList(); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            foreach (var f in files)
            {
                var ext = Path.GetExtension(f).ToLowerInvariant();
                if (ext is ".ttf" or ".ttc" or ".otf" or ".otc") yield return f;
            }
        }
    }
}

/// <summary>A report holds characters the available font cannot draw (typically Chinese without a CJK font).</summary>
public sealed class ReportFontMissingException(string message) : InvalidOperationException(message);
