using System.Diagnostics;

namespace SalesPerf.Reports.Tests;

/// <summary>One shared font set for the tests (loading WQY MicroHei once), and the PNG artifacts folder.</summary>
internal static class RenderHelper
{
    private static readonly Lazy<ReportFonts> SharedFonts = new(() => new ReportFonts());

    public static ReportFonts Fonts => SharedFonts.Value;

    public static ReportRenderer Renderer => new(Fonts);

    public static byte[] Rep(Engine.Evaluation.RepEvaluation rep)
    {
        using var stream = new MemoryStream();
        Renderer.RenderRep(rep, stream);
        return stream.ToArray();
    }

    public static byte[] Pack(Engine.Evaluation.TeamEvaluation team)
    {
        using var stream = new MemoryStream();
        Renderer.RenderTeamPack(team, stream);
        return stream.ToArray();
    }

    /// <summary><c>artifacts/test-results/reports</c> under the repository root (the test output folder when not in a checkout).</summary>
    public static string ArtifactsFolder([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
    {
        // The build may live outside the checkout (--artifacts-path), so start from this source file's folder.
        var dir = File.Exists(thisFile) ? new FileInfo(thisFile).Directory : new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SalesPerf.sln"))) dir = dir.Parent;
        var folder = dir is null ? Path.Combine(AppContext.BaseDirectory, "reports") : Path.Combine(dir.FullName, "artifacts", "test-results", "reports");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Renders pages of <paramref name="pdfPath"/> to PNG with poppler's pdftoppm; returns the files written.</summary>
    public static List<string> ToPng(string pdfPath, int firstPage, int lastPage, string prefix)
    {
        var info = new ProcessStartInfo("pdftoppm", ["-png", "-r", "90", "-f", firstPage.ToString(), "-l", lastPage.ToString(), pdfPath, prefix])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("pdftoppm did not start");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"pdftoppm failed: {errors}");
        var folder = Path.GetDirectoryName(prefix)!;
        return Directory.GetFiles(folder, Path.GetFileName(prefix) + "-*.png").Order().ToList();
    }
}
