namespace SalesPerf.Web.Pages.Score;

/// <summary>The "question this line" form under one line of the score page.</summary>
public sealed record DisputeFormView(string Kind, string Key, string Text, string Month, Guid? DealId = null, int? EventSequence = null);
