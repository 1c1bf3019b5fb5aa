using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Tests.Portal;

/// <summary>Each English key is translated once across all Strings*.cs files: a key added twice breaks every Chinese page.</summary>
public sealed class LocalizationKeyTests
{
    [Fact]
    public void No_english_key_is_translated_twice()
    {
        var twice = Strings.All.GroupBy(p => p.En, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(twice);
        Assert.Equal("新建商机", Strings.Zh["New deal"]);
    }
}
