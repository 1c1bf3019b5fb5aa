namespace SalesPerf.Reports.Layout;

/// <summary>Measures and wraps text with the report font's cached advances: CJK breaks between characters, Latin between words.</summary>
internal sealed class TextMeasurer(ReportFonts fonts)
{
    public float Width(string text, float size)
    {
        float w = 0;
        foreach (var c in text) w += fonts.Advance(c);
        return w * size;
    }

    /// <summary>Ellipsises <paramref name="text"/> to fit <paramref name="width"/> (for one-line labels).</summary>
    public string Fit(string text, float size, float width)
    {
        if (Width(text, size) <= width) return text;
        var ellipsis = fonts.Advance('…') * size;
        float w = 0;
        for (var i = 0; i < text.Length; i++)
        {
            w += fonts.Advance(text[i]) * size;
            if (w + ellipsis > width) return string.Concat(text.AsSpan(0, i), "…");
        }
        return text;
    }

    /// <summary>Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/>; explicit newlines are kept.</summary>
    public List<string> Wrap(string? text, float size, float width)
    {
        var lines = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            lines.Add("");
            return lines;
        }
        var limit = width / size;
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n')) WrapParagraph(paragraph, limit, lines);
        return lines;
    }

    private void WrapParagraph(string p, float limit, List<string> lines)
    {
        var start = 0;          // first char of the current line
        float lineWidth = 0;    // width of p[start..i)
        var lastBreak = -1;     // index where the line may break (the next line starts there)
        float widthAtBreak = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (i > start && IsBreakBefore(p, i))
            {
                lastBreak = i;
                widthAtBreak = lineWidth;
            }
            var w = fonts.Advance(c);
            if (lineWidth + w > limit && i > start && c != ' ')
            {
                int next;
                if (lastBreak > start) next = lastBreak;
                else next = i; // a word longer than the line: break inside it
                // Do not start a line with closing punctuation: carry the previous character over with it.
                if (next < p.Length && IsClosingPunctuation(p[next]) && next - 1 > start) next--;
                lines.Add(p[start..next].TrimEnd());
                while (next < p.Length && p[next] == ' ') next++;
                start = next;
                i = next - 1;
                lineWidth = 0;
                lastBreak = -1;
                continue;
            }
            lineWidth += w;
        }
        lines.Add(p[start..].TrimEnd());
    }

    /// <summary>May a line break just before p[i]? After a space, before or after an ideograph, after a hyphen or slash.</summary>
    private static bool IsBreakBefore(string p, int i)
    {
        var c = p[i];
        var prev = p[i - 1];
        if (c == ' ') return false;
        if (prev == ' ') return true;
        if (IsClosingPunctuation(c)) return false;
        if (IsOpeningPunctuation(prev)) return false;
        if (IsWide(c) || IsWide(prev)) return true;
        return prev is '-' or '/' or '、';
    }

    internal static bool IsWide(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF' or >= '\u3000' and <= '\u303F';

    private static bool IsClosingPunctuation(char c) => c is '，' or '。' or '、' or '；' or '：' or '？' or '！' or '）' or '》' or '」' or '』' or '】' or '”' or '’' or ',' or '.' or ';' or ':' or ')' or '%' or '!' or '?';

    private static bool IsOpeningPunctuation(char c) => c is '（' or '《' or '「' or '『' or '【' or '“' or '‘' or '(';
}
