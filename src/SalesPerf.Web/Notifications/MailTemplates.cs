using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace SalesPerf.Web.Notifications;

public sealed record RenderedMail(string Subject, string Text, string Html);

/// <summary>
/// Mail templates from templates/email: "{kind}.{culture}.txt" (first line "Subject: …") and "{kind}.{culture}.html",
/// with {{placeholders}}. Values are HTML-encoded in the HTML part; "{{{name}}}" inserts ready-made HTML.
/// </summary>
public sealed partial class MailTemplates
{
    public static readonly string[] Kinds = ["reminder", "escalation", "approval-request", "weekly-digest", "monthly-pack"];
    public static readonly string[] Cultures = ["zh-CN", "en"];

    private readonly string _folder = Path.Combine(AppContext.BaseDirectory, "templates", "email");
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _files = new();

    private string Read(string name) => _files.GetOrAdd(name, n => File.ReadAllText(Path.Combine(_folder, n)));

    [GeneratedRegex(@"\{\{\{?([a-zA-Z]+)\}?\}\}")]
    private static partial Regex Placeholder();

    public static string CultureOf(string? culture) => culture is not null && culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en";

    public RenderedMail Render(string kind, string? culture, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string>? html = null)
    {
        var c = CultureOf(culture);
        var text = Read($"{kind}.{c}.txt");
        var htmlTemplate = Read($"{kind}.{c}.html");
        var firstLine = text.IndexOf('\n');
        var subject = Fill(text[..firstLine].Replace("Subject:", "").Trim(), values, html, encode: false);
        return new RenderedMail(subject, Fill(text[(firstLine + 1)..].TrimStart(), values, html, encode: false), Fill(htmlTemplate, values, html, encode: true));
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string>? html, bool encode) =>
        Placeholder().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            if (m.Value.StartsWith("{{{")) return encode ? html?.GetValueOrDefault(name) ?? "" : values.GetValueOrDefault(name) ?? "";
            var value = values.GetValueOrDefault(name) ?? "";
            return encode ? HtmlEncoder.Default.Encode(value) : value;
        });
}
