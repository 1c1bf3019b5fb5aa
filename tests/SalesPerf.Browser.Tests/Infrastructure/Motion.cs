using Microsoft.Playwright;

namespace SalesPerf.Browser.Tests.Infrastructure;

public static class Motion
{
    /// <summary>
    /// Waits until the element has not moved for 300 ms (its box checked every animation frame): the end of an expand or zoom
    /// animation, a fact the page shows, instead of a fixed sleep.
    /// </summary>
    public static Task SettledAsync(this ILocator locator) => locator.EvaluateAsync(@"el => new Promise(resolve => {
        let last = '', since = performance.now();
        const tick = now => {
            const r = el.getBoundingClientRect();
            const box = [r.x, r.y, r.width, r.height].map(v => v.toFixed(1)).join(',');
            if (box !== last || r.width === 0) { last = box; since = now; }
            if (now - since >= 300) resolve(); else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
    })", null, new() { Timeout = 10_000 });
}
