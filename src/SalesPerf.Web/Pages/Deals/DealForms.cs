using FluentValidation;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Pages.Deals;

/// <summary>The quick follow-up form: when (local time), what happened, the customer's needs, the next step and its date.</summary>
public sealed class FollowUpForm
{
    public DateTime? VisitedAt { get; set; }
    public string? Content { get; set; }
    public string? CustomerNeeds { get; set; }
    public string? NextStep { get; set; }
    public DateOnly? NextStepDate { get; set; }
}

public sealed class FollowUpFormValidator : AbstractValidator<FollowUpForm>
{
    public FollowUpFormValidator(Loc l)
    {
        RuleFor(f => f.Content).Must(c => !string.IsNullOrWhiteSpace(c) && c.Trim().Length >= DealDecider.MinReasonLength)
            .WithMessage(_ => l["Describe the follow-up in at least {0} characters.", DealDecider.MinReasonLength])
            .MaximumLength(4000).WithMessage(_ => l["At most {0} characters.", 4000]);
        RuleFor(f => f.CustomerNeeds).MaximumLength(4000).WithMessage(_ => l["At most {0} characters.", 4000]);
        RuleFor(f => f.NextStep).MaximumLength(1000).WithMessage(_ => l["At most {0} characters.", 1000])
            .NotEmpty().When(f => f.NextStepDate.HasValue).WithMessage(_ => l["Say what the next step is."]);
        RuleFor(f => f.NextStepDate).NotNull().When(f => !string.IsNullOrWhiteSpace(f.NextStep)).WithMessage(_ => l["Give the next step a date."]);
    }
}

/// <summary>Why the current stage is late, and who caused it.</summary>
public sealed class DelayForm
{
    public string? Reason { get; set; }
    public DelayAttribution? Attribution { get; set; }
}

public sealed class DelayFormValidator : AbstractValidator<DelayForm>
{
    public DelayFormValidator(Loc l)
    {
        RuleFor(f => f.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length >= DealDecider.MinReasonLength)
            .WithMessage(_ => l["Give a reason of at least {0} characters.", DealDecider.MinReasonLength])
            .MaximumLength(2000).WithMessage(_ => l["At most {0} characters.", 2000]);
        RuleFor(f => f.Attribution).NotNull().WithMessage(_ => l["Choose who caused the delay."]).IsInEnum();
    }
}

/// <summary>A manager's decision on a submission: approve, or send back with a comment (optionally to an earlier stage).</summary>
public sealed class DecisionForm
{
    public int SubmissionNo { get; set; }
    public string? Comment { get; set; }
    public string? ToStageKey { get; set; }
}

public sealed class SendBackFormValidator : AbstractValidator<DecisionForm>
{
    public SendBackFormValidator(Loc l) =>
        RuleFor(f => f.Comment).Must(c => !string.IsNullOrWhiteSpace(c) && c.Trim().Length >= DealDecider.MinReasonLength)
            .WithMessage(_ => l["Tell the rep what to change (at least {0} characters).", DealDecider.MinReasonLength])
            .MaximumLength(4000).WithMessage(_ => l["At most {0} characters.", 4000]);
}

public static class FormErrors
{
    /// <summary>Copies FluentValidation failures and engine field errors into ModelState under a prefix.</summary>
    public static void AddTo(this FluentValidation.Results.ValidationResult result, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string prefix)
    {
        foreach (var e in result.Errors) state.AddModelError($"{prefix}.{e.PropertyName}", e.ErrorMessage);
    }

    public static string Field(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
