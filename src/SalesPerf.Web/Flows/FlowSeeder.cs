using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesPerf.Engine.Flows.Elsa;
using SalesPerf.Web.Hosting;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Flows;

/// <summary>
/// Publishes the shipped flows (workflows/*.json) that the database does not have yet. A shipped flow that
/// does not validate stops the start with its located errors: shipping a broken flow is a bug.
/// </summary>
public sealed class FlowSeeder(SalesPerfDbContext db, IOptions<SalesPerfOptions> options, TimeProvider clock, ILogger<FlowSeeder> log)
{
    public static string ResolveFolder(string path) =>
        Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var folder = ResolveFolder(options.Value.WorkflowsPath);
        if (!Directory.Exists(folder))
            throw new InvalidOperationException($"The shipped flows folder '{folder}' does not exist (setting SalesPerf:WorkflowsPath).");
        foreach (var file in Directory.GetFiles(folder, "*.json").Order())
        {
            var json = await File.ReadAllTextAsync(file, ct);
            var compiled = FlowCompiler.Compile(json);
            if (!compiled.IsValid)
                throw new InvalidOperationException($"Shipped flow {Path.GetFileName(file)} is invalid:\n  " + string.Join("\n  ", compiled.Errors));
            var flow = compiled.Flow!;
            if (await db.FlowDefinitions.AnyAsync(f => f.DefinitionId == flow.DefinitionId, ct)) continue;
            var now = clock.GetUtcNow();
            db.FlowDefinitions.Add(new FlowDefinitionRecord
            {
                DefinitionId = flow.DefinitionId, Version = 1, Name = flow.Name.En, Json = json,
                IsPublished = true, IsLatest = true, CreatedAt = now, PublishedAt = now,
            });
            await db.SaveChangesAsync(ct);
            log.LogInformation("Published shipped flow {Flow} ({Stages} stages)", flow.DefinitionId, flow.Stages.Count);
        }
    }
}
