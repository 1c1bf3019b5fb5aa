using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Pages.Deals;

/// <summary>
/// Starts a deal (after a first visit): title, customer, customer type, estimated value, the flow when more than one is
/// published, and for managers and admins the rep. Everything chosen must be one of the offered choices; the deal
/// service checks access again. On success the new deal's page opens.
/// </summary>
[Authorize(Roles = $"{Roles.Rep},{Roles.Manager},{Roles.Admin}")]
public sealed class NewModel(RequestAccess access, DealService deals, NewDealChoiceQuery choiceQuery, IValidator<NewDealForm> rules, Loc l) : PageModel
{
    [BindProperty] public NewDealForm Deal { get; set; } = new();

    public NewDealChoices Choices { get; private set; } = null!;
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Choices = await choiceQuery.ForAsync(await access.GetAsync(ct), ct);
        Deal.FlowDefinitionId = Choices.DefaultFlow;
        if (Choices.Types.Count == 1) Deal.CustomerType = Choices.Types[0].Value;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        Choices = await choiceQuery.ForAsync(scope, ct);
        if (!Choices.ChoosesFlow || string.IsNullOrEmpty(Deal.FlowDefinitionId)) Deal.FlowDefinitionId = Choices.DefaultFlow;
        if (!Choices.ChoosesRep) Deal.RepId = string.IsNullOrEmpty(Deal.RepId) ? scope.UserId : Deal.RepId;

        var check = await rules.ValidateAsync(Deal, ct);
        check.AddTo(ModelState, nameof(Deal));
        Refuse(nameof(NewDealForm.CustomerType), Deal.CustomerType, Choices.Types, "Choose one of the listed customer types.");
        Refuse(nameof(NewDealForm.FlowDefinitionId), Deal.FlowDefinitionId, Choices.Flows, "Choose one of the listed flows.");
        if (Choices.ChoosesRep && string.IsNullOrEmpty(Deal.RepId)) Field(nameof(NewDealForm.RepId), l["Choose the rep."]);
        else Refuse(nameof(NewDealForm.RepId), Deal.RepId, Choices.Reps,
            scope.IsAdmin ? "Choose one of the listed reps." : Choices.ChoosesRep ? "Choose one of your team's reps." : "You can start deals for yourself only.");
        if (!ModelState.IsValid) return Redisplay();

        var request = new CreateDealRequest(Deal.Title!.Trim(), Deal.Customer!.Trim(), Deal.CustomerType, Deal.RepId,
            NewDealForm.Amount(Deal.EstimatedValue), Deal.FlowDefinitionId);
        var outcome = await deals.CreateAsync(request, scope, ct);
        if (outcome.Error is { } error)
        {
            // Someone changed the catalog, the flows or the team since the form was shown: say which field it concerns.
            switch (error.Code)
            {
                case "unknownCustomerType": Field(nameof(NewDealForm.CustomerType), l["Choose one of the listed customer types."]); break;
                case "unknownFlow": Field(nameof(NewDealForm.FlowDefinitionId), l["Choose one of the listed flows."]); break;
                case "notYourRep" or "unknownRep": Field(nameof(NewDealForm.RepId), l["Choose one of your team's reps."]); break;
                default:
                    Error = ErrorText.For(error, l);
                    foreach (var (field, message) in ErrorText.Fields(error, l)) Field(FormErrors.Field(field), message);
                    break;
            }
            return Redisplay();
        }
        TempData["Done"] = l["Deal created: its first stage has started."];
        return Redirect($"/Deals/{outcome.State!.Id}");
    }

    private IActionResult Redisplay()
    {
        Error ??= l["Please correct the marked fields."];
        return Page();
    }

    private void Refuse(string field, string? value, IReadOnlyList<NewDealChoice> allowed, string message)
    {
        if (string.IsNullOrEmpty(value) || allowed.Any(c => c.Value == value)) return;
        Field(field, l[message]);
    }

    private void Field(string field, string message)
    {
        var key = $"{nameof(Deal)}.{field}";
        if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0) return; // one message per field
        ModelState.AddModelError(key, message);
    }
}
