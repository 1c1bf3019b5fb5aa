using SalesPerf.Engine.Flows.Migration;

namespace SalesPerf.Engine.Deals;

public static partial class DealDecider
{
    /// <summary><see cref="DealContext.Flow"/> is the deal's current version; the command carries the target.</summary>
    private static DealDecision Migrate(DealState deal, MigrateDeal m, DealContext ctx)
    {
        if (!ctx.Actor.IsAdmin)
            return DealDecision.Fail(DealError.Forbidden("notAdmin", "Only an admin moves deals to another flow version."));
        var plan = MigrationPlanner.Plan(deal, ctx.Flow, m.Target, m.StageMap, ctx.Calendar, ctx.Now);
        if (!plan.CanMigrate)
            return DealDecision.Fail(DealError.Conflict("migrationBlocked", string.Join("; ", plan.Blockers)));
        return Ok(plan.ToEvent(ctx.Now, ctx.Actor.UserId));
    }
}
