using Microsoft.Playwright;

namespace SalesPerf.Browser.Tests.Infrastructure;

/// <summary>The Studio's flowchart canvas (AntV X6 SVG): nodes are g[data-cell-id], ports carry a "port" attribute.</summary>
public sealed class Canvas(IPage page)
{
    public ILocator Node(string activityId) => page.Locator($".x6-graph-svg g.x6-node[data-cell-id='{activityId}']");

    public async Task<(float X, float Y)> PortCenterAsync(string activityId, string port)
    {
        var box = await Node(activityId).Locator($"[port='{port}']").First.BoundingBoxAsync()
                  ?? throw new InvalidOperationException($"Port {port} of {activityId} is not on screen.");
        return (box.X + box.Width / 2, box.Y + box.Height / 2);
    }

    /// <summary>Draws a connection the way a person does: press on the source port, move, release on the target's inbound port.</summary>
    public async Task ConnectAsync(string from, string port, string to)
    {
        var (x1, y1) = await PortCenterAsync(from, port);
        var (x2, y2) = await PortCenterAsync(to, "In");
        await page.Mouse.MoveAsync(x1, y1);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((x1 + x2) / 2, (y1 + y2) / 2, new() { Steps = 10 });
        await page.Mouse.MoveAsync(x2, y2, new() { Steps = 10 });
        await page.Mouse.UpAsync();
    }

    /// <summary>The on-screen middle of the edge that runs from a node's port to another node, found by its end points.</summary>
    public async Task<(float X, float Y)> EdgeMiddleAsync(string from, string port, string to)
    {
        var (sx, sy) = await PortCenterAsync(from, port);
        var (tx, ty) = await PortCenterAsync(to, "In");
        var point = await page.EvaluateAsync<float[]?>(@"({ sx, sy, tx, ty }) => {
            const screen = (path, length) => {
                const p = path.getPointAtLength(length), m = path.getScreenCTM();
                return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
            };
            let best = null, bestScore = 1e9;
            for (const edge of document.querySelectorAll('.x6-graph-svg g.x6-edge')) {
                const path = edge.querySelector('path');
                const length = path.getTotalLength(), a = screen(path, 0), b = screen(path, length);
                const score = Math.hypot(a.x - sx, a.y - sy) + Math.hypot(b.x - tx, b.y - ty);
                if (score < bestScore) { bestScore = score; best = screen(path, length / 2); }
            }
            return best && bestScore < 80 ? [best.x, best.y] : [bestScore, document.querySelectorAll('.x6-graph-svg g.x6-edge').length, sx, sy, tx, ty];
        }", new { sx = (double)sx, sy = (double)sy, tx = (double)tx, ty = (double)ty });
        return point is { Length: 2 } ? (point[0], point[1])
            : throw new InvalidOperationException($"No edge from {from}.{port} to {to} (closest: {string.Join(", ", point ?? [])}).");
    }

    /// <summary>Brings every node into view (the toolbar's first button, "zoom to fit").</summary>
    public async Task ZoomToFitAsync()
    {
        await page.EvaluateAsync("() => { window.scrollTo(0, 0); document.querySelectorAll('.designer-host').forEach(h => h.scrollTop = 0); }");
        // The canvas toolbar sits right above the graph; its leftmost button is "zoom to fit".
        var at = await page.EvaluateAsync<float[]>(@"() => {
            const g = document.querySelector('.x6-graph').getBoundingClientRect();
            const buttons = [...document.querySelectorAll('button')].map(b => b.getBoundingClientRect())
                .filter(r => r.width > 0 && r.bottom <= g.top + 2 && r.top >= g.top - 90 && r.left >= g.left - 10 && r.right <= g.right);
            buttons.sort((a, b) => a.left - b.left);
            return [buttons[0].left + buttons[0].width / 2, buttons[0].top + buttons[0].height / 2];
        }");
        await page.Mouse.ClickAsync(at[0], at[1]);
        await page.Locator(".x6-graph-svg g.x6-node").First.SettledAsync(); // zooming is animated
    }

    public Task<string> SelectedNodeIdAsync() =>
        page.Locator(".x6-graph-svg g.x6-node.x6-node-selected").First.GetAttributeAsync("data-cell-id")!;
}
