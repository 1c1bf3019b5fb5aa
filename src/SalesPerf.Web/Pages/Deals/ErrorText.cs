using SalesPerf.Engine.Deals;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Pages.Deals;

/// <summary>Engine errors in the viewer's language, by code; the engine's English message where there is no translation.</summary>
public static class ErrorText
{
    private static readonly Dictionary<string, string> ByCode = new()
    {
        ["alreadySubmitted"] = "This stage is already submitted and waits for approval.",
        ["alreadyDecided"] = "Someone already decided this submission.",
        ["closed"] = "The deal is already closed.",
        ["onHold"] = "The deal is on hold: resume it first.",
        ["delayReasonRequired"] = "The stage is late: record a delay reason before submitting.",
        ["notOwner"] = "Only the deal's rep can do this.",
        ["notManager"] = "Only the rep's manager or an admin can do this.",
        ["notApprover"] = "You are not the approver of this stage.",
        ["wrongStage"] = "The deal has moved on to another stage; reload the page.",
        ["unchanged"] = "The delay already has this attribution.",
        ["busy"] = "The deal is being changed by others right now; try again.",
        ["incompleteDeliverable"] = "The deliverable does not meet the stage's completion criteria.",
        ["invalidFollowUp"] = "The follow-up is incomplete.",
        ["notOnHold"] = "The deal is not on hold.",
    };

    public static string For(DealError error, Loc l) => ByCode.TryGetValue(error.Code, out var en) ? l[en] : error.Message;

    /// <summary>Field errors by the form field name (engine field keys are camelCase).</summary>
    public static IEnumerable<(string Field, string Message)> Fields(DealError error, Loc l) =>
        (error.Fields ?? []).Select(f => (f.Field, f.Code switch
        {
            "future" => l["A follow-up cannot be logged for a time in the future."],
            "beforeVisit" => l["The next step cannot be dated before the follow-up."],
            _ => f.Message,
        }));
}
