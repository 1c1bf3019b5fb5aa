namespace SalesPerf.Engine.Flows;

/// <summary>Text shown to users in zh-CN and English.</summary>
public sealed record LocalizedText(string Zh, string En)
{
    public string For(string? culture) =>
        culture is not null && culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
            ? (Zh.Length > 0 ? Zh : En)
            : (En.Length > 0 ? En : Zh);

    public override string ToString() => En.Length > 0 ? En : Zh;
}

/// <summary>A value users pick (choice option, checklist item), with its label in both languages.</summary>
public sealed record LocalizedOption(string Value, LocalizedText Label);
