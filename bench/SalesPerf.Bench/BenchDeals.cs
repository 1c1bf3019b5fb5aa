using System.Globalization;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;

namespace SalesPerf.Bench;

/// <summary>Valid deliverables for any stage (files as already-uploaded entries), as a diligent rep submits them.</summary>
public static class BenchDeals
{
    public static Deliverable For(Stage stage)
    {
        var values = new Dictionary<string, string>();
        var ticked = new Dictionary<string, IReadOnlyList<string>>();
        var files = new List<SubmittedFile>();
        foreach (var f in stage.Criteria)
        {
            switch (f.Type)
            {
                case FieldType.Text: values[f.Key] = new string('x', Math.Max(10, f.MinLength ?? 0)); break;
                case FieldType.Number: values[f.Key] = ((f.Min ?? 0) + 1).ToString(CultureInfo.InvariantCulture); break;
                case FieldType.Date: values[f.Key] = "2026-03-02"; break;
                case FieldType.Choice: values[f.Key] = f.Options[0].Value; break;
                case FieldType.Checklist: ticked[f.Key] = f.Options.Select(o => o.Value).ToList(); break;
                case FieldType.File:
                    files.Add(new SubmittedFile(f.Key, $"{f.Key}.{f.AllowedFileTypes[0]}", $"bench/{f.Key}", 1000, "application/octet-stream"));
                    break;
            }
        }
        return new Deliverable(values, ticked, files);
    }
}
