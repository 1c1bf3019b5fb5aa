using SalesPerf.Engine.Deals;

namespace SalesPerf.Web.Deals;

/// <summary>Told about every transition after it is committed (e.g. to mail the approver of a new submission).</summary>
public interface IDealObserver
{
    Task OnCommittedAsync(DealTransition transition, CancellationToken ct);
}
