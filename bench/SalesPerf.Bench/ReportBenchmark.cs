using System.Diagnostics;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Reports;
using SalesPerf.Reports.Pdf;
using SalesPerf.Reports.Sections;
using SalesPerf.Reports.Tests.Samples;
using SkiaSharp;

namespace SalesPerf.Bench;

/// <summary>
/// Issue 6's report targets: single-rep PDFs per second on one thread (≥ 17/s per core), measured against raw Skia
/// drawing the same pages (the laid-out ops replayed onto an SKDocument, no layout, subsetting or outline), and a
/// 200-rep team pack (&lt; 15 s) with its peak memory next to a 50-rep pack's, to show memory does not grow with reps.
/// </summary>
internal static class ReportBenchmark
{
    public static void Run(int documents)
    {
        using var fonts = new ReportFonts();
        Console.WriteLine($"font: {fonts.Message}");
        var renderer = new ReportRenderer(fonts);
        var reps = Enumerable.Range(0, 50).Select(i => EvaluationSamples.Rep("zh-CN", i, rank: i + 1, teamSize: 50)).ToList();
        using var buffer = new MemoryStream(1 << 20);

        var prepared = reps.Select(r =>
        {
            var layout = renderer.LayoutRep(r);
            return (Layout: layout, Font: renderer.SubsetTypeface(layout.Characters));
        }).ToList();
        var pages = prepared[0].Layout.Pages.Count;

        // The variants, each run over the same reports:
        // ours: the renderer end to end (layout, font subset, Skia PDF, outline), one thread;
        // raw: the same pages' ops (laid out and subset beforehand, outside the clock) replayed onto SKDocument;
        // rawFresh: as raw, but making and loading the subset font per document as the renderer must (Skia's glyph
        // caches are per typeface, so a new typeface costs Skia more than the subsetting itself);
        // layout and subset: those steps alone.
        var variants = new (string Name, Action<int> Run)[]
        {
            ("ours", i => Render(renderer, reps[i % reps.Count], buffer)),
            ("raw", i => RawSkia(prepared[i % prepared.Count], buffer)),
            ("rawFresh", i =>
            {
                var p = prepared[i % prepared.Count];
                using var font = renderer.SubsetTypeface(p.Layout.Characters);
                RawSkia((p.Layout, font), buffer);
            }),
            ("layout", i => renderer.LayoutRep(reps[i % reps.Count])),
            ("subset", i => renderer.SubsetTypeface(prepared[i % prepared.Count].Layout.Characters).Dispose()),
        };
        // Warm-up (JIT tiers, Skia and font caches) for every variant, then three interleaved rounds; the median counts.
        foreach (var (_, run) in variants) for (var i = 0; i < 60; i++) run(i);
        var times = variants.ToDictionary(v => v.Name, _ => new List<double>());
        var sw = new Stopwatch();
        for (var round = 0; round < 3; round++)
            foreach (var (name, run) in variants)
            {
                sw.Restart();
                for (var i = 0; i < documents; i++) run(i);
                times[name].Add(sw.Elapsed.TotalMilliseconds / documents);
            }
        double Median(string name) => times[name].Order().ElementAt(1);
        foreach (var p in prepared) p.Font.Dispose();
        buffer.SetLength(0);
        renderer.RenderRep(reps[0], buffer);

        Console.WriteLine($"single-rep report: {pages} pages, {buffer.Length / 1024} KiB, zh-CN; {documents} documents per round on one thread, median of 3 rounds:");
        Console.WriteLine($"  SalesPerf renderer (layout + font subset + Skia PDF + outline): {1000 / Median("ours"),7:F1} docs/s  ({Median("ours"):F2} ms/doc)   target >= 17/s");
        Console.WriteLine($"  raw Skia drawing the same pages (no layout code):              {1000 / Median("raw"),7:F1} docs/s  ({Median("raw"):F2} ms/doc)");
        Console.WriteLine($"  raw Skia, same pages, with a new subset font per document:     {1000 / Median("rawFresh"),7:F1} docs/s  ({Median("rawFresh"):F2} ms/doc)");
        Console.WriteLine($"  of which our layout alone:                                      {Median("layout"),7:F2} ms/doc");
        Console.WriteLine($"  of which the font subset alone:                                 {Median("subset"),7:F2} ms/doc");

        // 5. Team packs: 50 and 200 reps, each in a fresh measurement of peak memory.
        foreach (var size in new[] { 50, 200 })
        {
            var team = EvaluationSamples.Team(size);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var baseline = GC.GetTotalMemory(true);
            var path = Path.Combine(Path.GetTempPath(), $"salesperf-bench-pack-{size}.pdf");
            using var sampler = new PeakSampler();
            sw.Restart();
            using (var file = File.Create(path)) renderer.RenderTeamPack(team, file);
            var seconds = sw.Elapsed.TotalSeconds;
            sampler.Stop();
            var length = new FileInfo(path).Length;
            var packPages = PageCount(path);
            Console.WriteLine($"team pack, {size} reps: {seconds:F2} s, {packPages} pages, {length / 1024.0 / 1024.0:F1} MiB   target < 15 s (200 reps)");
            Console.WriteLine($"  peak managed heap above baseline: {(sampler.PeakManaged - baseline) / 1024.0 / 1024.0:F1} MiB; peak working set: {sampler.PeakWorkingSet / 1024.0 / 1024.0:F0} MiB");
            File.Delete(path);
        }
    }

    private static void Render(ReportRenderer renderer, RepEvaluation rep, MemoryStream buffer)
    {
        buffer.SetLength(0);
        renderer.RenderRep(rep, buffer);
    }

    private static void RawSkia((ReportRenderer.RepLayout Layout, ReportRenderer.SubsetFont Font) prepared, MemoryStream buffer)
    {
        buffer.SetLength(0);
        using var stream = new SKManagedWStream(buffer, disposeManagedStream: false);
        using var document = SKDocument.CreatePdf(stream);
        using var writer = new PageWriter(document, prepared.Font.Typeface, Labels.Zh, prepared.Layout.Pages.Count);
        foreach (var page in prepared.Layout.Pages)
        {
            var canvas = document.BeginPage(595, 842);
            writer.Draw(canvas, page.Ops);
            document.EndPage();
        }
        document.Close();
    }

    /// <summary>Samples the managed heap and the working set every 20 ms.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;

        public PeakSampler()
        {
            _thread = new Thread(() =>
            {
                using var process = Process.GetCurrentProcess();
                while (!_stop)
                {
                    PeakManaged = Math.Max(PeakManaged, GC.GetTotalMemory(false));
                    process.Refresh();
                    PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
                    Thread.Sleep(20);
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        public long PeakManaged { get; private set; }
        public long PeakWorkingSet { get; private set; }

        public void Stop()
        {
            _stop = true;
            _thread.Join();
        }

        public void Dispose() => Stop();
    }

    /// <summary>Counts a PDF's page objects (the benchmark has no PDF library).</summary>
    private static int PageCount(string path) =>
        System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(path)), @"/Type /Page(?!s)");
}
