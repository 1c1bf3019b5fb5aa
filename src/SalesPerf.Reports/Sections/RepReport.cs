using SalesPerf.Engine.Evaluation;
using SalesPerf.Reports.Layout;

namespace SalesPerf.Reports.Sections;

/// <summary>One rep's report, section by section; bookmarks go into <c>outline</c>.</summary>
internal static class RepReport
{
    public static void Layout(PageFlow flow, RepEvaluation rep, Labels l, List<OutlineNode> outline)
    {
        flow.HeaderLeft = $"{l.ReportTitle} · {rep.RepName} · {rep.TeamName}";
        flow.HeaderRight = $"{l.Period} {Format.Period(rep.Period)}";
        CoverPage.Draw(flow, rep, l, outline);
        DetailSections.DrawScopeNotice(flow, rep, l); // on the first page, under the cover's key figures
        DimensionSection.DrawChart(flow, rep, l, outline);
        DimensionSection.DrawIndicators(flow, rep, l, outline);
        DetailSections.DrawTargets(flow, rep, l, outline);
        TimelineSection.Draw(flow, rep, l, outline);
        DelaySection.DrawDelays(flow, rep, l, outline);
        DetailSections.DrawDeductions(flow, rep, l, outline);
        DetailSections.DrawSendBacks(flow, rep, l, outline);
        DelaySection.DrawComments(flow, rep, l, outline);
        DetailSections.DrawDisputes(flow, rep, l, outline);
        DelaySection.DrawTraining(flow, rep, l, outline);
        DetailSections.DrawFollowUps(flow, rep, l, outline);
    }
}
