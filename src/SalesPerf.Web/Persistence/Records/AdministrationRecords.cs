namespace SalesPerf.Web.Persistence.Records;

/// <summary>A customer type admins maintain (e.g. grid company, industrial park); deals and dashboards filter by its key.</summary>
public sealed class CustomerTypeRecord
{
    public string Key { get; set; } = "";
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }
    public bool Archived { get; set; }
}

/// <summary>An admin-set weight of an evaluation dimension or indicator, keyed by a code-defined key (e.g. "result", "process.onTimeRate").</summary>
public sealed class EvaluationWeightRecord
{
    public string Key { get; set; } = "";
    public decimal Weight { get; set; }
}

/// <summary>An admin-editable training suggestion, offered when a rep's indicator falls below the threshold.</summary>
public sealed class TrainingSuggestionRecord
{
    public Guid Id { get; set; }
    public string IndicatorKey { get; set; } = "";
    public decimal Threshold { get; set; }
    public string TitleZh { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string DetailZh { get; set; } = "";
    public string DetailEn { get; set; } = "";
    public bool Active { get; set; } = true;
}

/// <summary>A score a manager enters for a rep's ability: customer feedback or solution quality (from the technical team).</summary>
public sealed class RepRatingRecord
{
    public Guid Id { get; set; }
    public string RepId { get; set; } = "";
    public Guid? DealId { get; set; }
    /// <summary>"customer-feedback" or "solution-quality".</summary>
    public string Kind { get; set; } = "";
    public decimal Score { get; set; }
    public string Comment { get; set; } = "";
    public string RatedById { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>A training a rep took part in (the attitude/growth dimension).</summary>
public sealed class TrainingRecord
{
    public Guid Id { get; set; }
    public string RepId { get; set; } = "";
    public string Course { get; set; } = "";
    public decimal Hours { get; set; }
    public DateTimeOffset At { get; set; }
    public string RecordedById { get; set; } = "";
}

/// <summary>A manager's comment on a rep's evaluation for a period; printed in the report.</summary>
public sealed class EvaluationCommentRecord
{
    public Guid Id { get; set; }
    public string RepId { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public string Comment { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
