using FluentValidation;
using SalesPerf.Engine.Flows;

namespace SalesPerf.Web.Deals;

public sealed record CreateDealRequest(string? Title, string? Customer, string? CustomerType, string? RepId, decimal? EstimatedValue, string? FlowDefinitionId);
public sealed record FollowUpRequest(DateTimeOffset? VisitedAt, string? Content, string? CustomerNeeds, string? NextStep, DateOnly? NextStepDate);
/// <param name="Files">ids of files uploaded for this deal through POST /api/deals/{id}/files</param>
public sealed record SubmitRequest(string? StageKey, Dictionary<string, string>? Values, Dictionary<string, List<string>>? Checked, List<Guid>? Files);
public sealed record ApproveRequest(string? Comment);
public sealed record SendBackRequest(string? Comment, string? ToStageKey);
public sealed record DelayReasonRequest(string? Reason, DelayAttribution? Attribution);
public sealed record ReclassifyRequest(DelayAttribution? Attribution, string? Comment);
public sealed record WinRequest(decimal? ContractValue, string? Note);
public sealed record ReasonRequest(string? Reason);

// Shape checks only (lengths, presence, ranges). The engine checks everything that depends on the flow and the deal.
public sealed class CreateDealRequestValidator : AbstractValidator<CreateDealRequest>
{
    public CreateDealRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Customer).NotEmpty().MaximumLength(200);
        RuleFor(r => r.CustomerType).NotEmpty().MaximumLength(50);
        RuleFor(r => r.EstimatedValue).GreaterThanOrEqualTo(0).LessThan(1_000_000_000_000m);
    }
}

public sealed class FollowUpRequestValidator : AbstractValidator<FollowUpRequest>
{
    public FollowUpRequestValidator()
    {
        RuleFor(r => r.Content).NotEmpty().MaximumLength(4000);
        RuleFor(r => r.CustomerNeeds).MaximumLength(4000);
        RuleFor(r => r.NextStep).MaximumLength(1000);
    }
}

public sealed class SubmitRequestValidator : AbstractValidator<SubmitRequest>
{
    public SubmitRequestValidator()
    {
        RuleFor(r => r.StageKey).NotEmpty();
        RuleForEach(r => r.Values).Must(kv => kv.Value is null || kv.Value.Length <= 20_000).WithMessage("A field value may be at most 20,000 characters.");
    }
}

public sealed class SendBackRequestValidator : AbstractValidator<SendBackRequest>
{
    public SendBackRequestValidator() => RuleFor(r => r.Comment).NotEmpty().MaximumLength(4000);
}

public sealed class DelayReasonRequestValidator : AbstractValidator<DelayReasonRequest>
{
    public DelayReasonRequestValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(2000);
        RuleFor(r => r.Attribution).NotNull().IsInEnum();
    }
}

public sealed class ReclassifyRequestValidator : AbstractValidator<ReclassifyRequest>
{
    public ReclassifyRequestValidator() => RuleFor(r => r.Attribution).NotNull().IsInEnum();
}

public sealed class ReasonRequestValidator : AbstractValidator<ReasonRequest>
{
    public ReasonRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(2000);
}

public sealed class WinRequestValidator : AbstractValidator<WinRequest>
{
    public WinRequestValidator() => RuleFor(r => r.ContractValue).NotNull().GreaterThanOrEqualTo(0);
}
