using SalesPerf.Engine.Evaluation;
using SalesPerf.Reports;

namespace SalesPerf.Web.Evaluations;

/// <summary>Draws the evaluation PDFs (SalesPerf.Reports, SkiaSharp) with the one font set the app resolved at start.</summary>
public sealed class ReportPdf(ReportFonts fonts)
{
    private readonly ReportRenderer _renderer = new(fonts);

    public bool HasCjk => fonts.HasCjk;
    public string MessageFor(string language) => fonts.MessageFor(language);

    public byte[] Rep(RepEvaluation evaluation)
    {
        using var stream = new MemoryStream();
        _renderer.RenderRep(evaluation, stream);
        return stream.ToArray();
    }

    public void TeamPack(TeamEvaluation evaluation, Stream output) => _renderer.RenderTeamPack(evaluation, output);
}
