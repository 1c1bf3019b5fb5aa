using SalesPerf.Web.Accounts;
using SalesPerf.Web.Targets;

namespace SalesPerf.Web.Pages.Targets;

/// <summary>What a target card needs to know about the viewer and a failed form (its target, field errors, values typed).</summary>
public sealed class RepCardContext(AccessScope scope, DateOnly today, string periodToken)
{
    public DateOnly Today { get; } = today;
    public string PeriodToken { get; } = periodToken;
    public Guid? FailedTarget { get; set; }
    public Dictionary<string, string> Errors { get; } = [];
    public Dictionary<string, string> Typed { get; } = [];

    public bool IsOwner(TargetRecord t) => t.Level == TargetLevels.Rep && t.OwnerId == scope.UserId;
    public bool CanSet(TargetRecord t) => TargetAccess.CanSet(scope, t.Level, t.OwnerId);
    /// <summary>The rep's manager or an admin; never the rep (who proposed it).</summary>
    public bool CanDecide(TargetRecord t) => CanSet(t) && !IsOwner(t);
}
