using Microsoft.Playwright;

namespace SalesPerf.Browser.Tests.Infrastructure;

public static class StudioSaves
{
    public const string DefinitionsApi = "/elsa/api/workflow-definitions";

    /// <summary>Runs an edit in the designer and waits for the Studio's auto-save of it.</summary>
    public static Task SavedAfterAsync(IPage page, Func<Task> edit) =>
        page.RunAndWaitForResponseAsync(edit, r => r.Url.EndsWith(DefinitionsApi, StringComparison.Ordinal)
            && r.Request.Method == "POST" && r.Status == 200, new() { Timeout = 15_000 });
}
