using System.Globalization;
using FluentValidation;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Pages.Deals;

/// <summary>The "new deal" form as typed: the amount stays text until it is checked, so a typo gets a message, not a 400.</summary>
public sealed class NewDealForm
{
    public string? Title { get; set; }
    public string? Customer { get; set; }
    public string? CustomerType { get; set; }
    public string? EstimatedValue { get; set; }
    public string? FlowDefinitionId { get; set; }
    public string? RepId { get; set; }

    public const decimal MaxValue = 999_999_999_999m;

    /// <summary>The amount as typed, with thousands separators and spaces allowed ("1,200,000"); null when empty or not a number.</summary>
    public static decimal? Amount(string? text)
    {
        var t = (text ?? "").Replace(",", "").Replace("，", "").Replace(" ", "").Trim();
        return t.Length > 0 && decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}

/// <summary>The shape of the form in the viewer's language; which types, reps and flows may be chosen is checked by the page.</summary>
public sealed class NewDealFormValidator : AbstractValidator<NewDealForm>
{
    public NewDealFormValidator(Loc l)
    {
        RuleFor(f => f.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => l["Give the deal a title."])
            .MaximumLength(200).WithMessage(_ => l["At most {0} characters.", 200]);
        RuleFor(f => f.Customer).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => l["Enter the customer's name."])
            .MaximumLength(200).WithMessage(_ => l["At most {0} characters.", 200]);
        RuleFor(f => f.CustomerType).NotEmpty().WithMessage(_ => l["Choose the customer type."]);
        RuleFor(f => f.EstimatedValue)
            .Must(v => NewDealForm.Amount(v) is not null).When(f => !string.IsNullOrWhiteSpace(f.EstimatedValue), ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => l["Enter the amount as a number, e.g. 1200000."])
            .Must(v => NewDealForm.Amount(v) is >= 0 and <= NewDealForm.MaxValue).When(f => NewDealForm.Amount(f.EstimatedValue) is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => l["The amount must be between 0 and {0}.", NewDealForm.MaxValue.ToString("N0", CultureInfo.InvariantCulture)]);
    }
}
