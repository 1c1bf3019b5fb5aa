using System.Text.Json;
using static SalesPerf.Engine.Flows.Elsa.SalesActivityTypes;

namespace SalesPerf.Engine.Flows.Elsa;

/// <summary>Reads one sales-stage activity's inputs into a <see cref="Stage"/> (ports are wired later).</summary>
internal static class StageReader
{
    public static Stage? Read(JsonElement activity, string activityId, List<FlowError> errors)
    {
        var key = ActivityInputsFor(activity, $"activity '{activityId}'", activityId, errors).TextOrEmpty(StageInputs.Key);
        var location = key.Length > 0 ? $"stage '{key}'" : $"stage (activity '{activityId}')";
        var inputs = ActivityInputsFor(activity, location, activityId, errors);
        var before = errors.Count;

        if (key.Length == 0 || !CriteriaParser.KeyPattern().IsMatch(key))
            errors.Add(new(location, "needs a key of letters, digits, '-' or '_', starting with a letter (e.g. needs-analysis)", activityId));

        var name = new LocalizedText(inputs.TextOrEmpty(StageInputs.NameZh), inputs.TextOrEmpty(StageInputs.NameEn));
        if (name.Zh.Length == 0 && name.En.Length == 0)
            errors.Add(new(location, "needs a name (Chinese or English)", activityId));

        var deadline = ReadDeadline(inputs, location, activityId, errors);
        var reminders = ReadReminders(inputs, deadline, location, activityId, errors);
        var approval = ReadApproval(inputs, location, activityId, errors);
        var scoring = new ScoringRule(
            inputs.Decimal(StageInputs.Points, ScoringRule.Default.PointsOnApproval),
            inputs.Decimal(StageInputs.DeductionPerLateDayRep, ScoringRule.Default.DeductionPerLateDayRep),
            inputs.Decimal(StageInputs.DeductionPerLateDayCustomer, ScoringRule.Default.DeductionPerLateDayCustomer),
            inputs.Decimal(StageInputs.DeductionPerLateDayOther, ScoringRule.Default.DeductionPerLateDayOther),
            inputs.Decimal(StageInputs.DeductionCap, ScoringRule.Default.DeductionCap))
        {
            DeductionPerSendBack = inputs.Decimal(StageInputs.DeductionPerSendBack, ScoringRule.DefaultDeductionPerSendBack),
        };
        var winProbability = inputs.Text(StageInputs.WinProbability) is { Length: > 0 } ? inputs.Decimal(StageInputs.WinProbability, 0) : (decimal?)null;
        if (winProbability > 100)
            errors.Add(new(location, $"win probability {winProbability} is more than 100 (it is a percentage)", activityId));
        var criteria = CriteriaParser.Parse(inputs.Text(StageInputs.Criteria), location, activityId, errors);

        if (errors.Count > before) return null;
        return new Stage
        {
            ActivityId = activityId,
            Key = key,
            Name = name,
            Guidance = new LocalizedText(inputs.TextOrEmpty(StageInputs.GuidanceZh), inputs.TextOrEmpty(StageInputs.GuidanceEn)),
            Criteria = criteria,
            Deadline = deadline!.Value,
            Reminders = reminders,
            Approval = approval,
            Scoring = scoring,
            WinProbability = winProbability,
        };
    }

    private static ActivityInputs ActivityInputsFor(JsonElement a, string location, string id, List<FlowError> errors) => new(a, location, id, errors);

    private static FlowDuration? ReadDeadline(ActivityInputs inputs, string location, string id, List<FlowError> errors)
    {
        var text = inputs.TextOrEmpty(StageInputs.Deadline);
        if (text.Length == 0)
        {
            errors.Add(new(location, "needs a deadline, e.g. 5d (calendar days), 5bd (business days) or 36h", id));
            return null;
        }
        if (!FlowDuration.TryParse(text, out var d) || d.Amount <= 0 || text.StartsWith('-') || text.StartsWith('+'))
        {
            errors.Add(new(location, $"deadline \"{text}\" is not a positive duration such as 5d, 5bd or 36h", id));
            return null;
        }
        return d;
    }

    private static ReminderSchedule ReadReminders(ActivityInputs inputs, FlowDuration? deadline, string location, string id, List<FlowError> errors)
    {
        var offsets = new List<FlowDuration>();
        foreach (var part in inputs.TextOrEmpty(StageInputs.Reminders).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!FlowDuration.TryParse(part, out var offset))
            {
                errors.Add(new(location, $"reminder \"{part}\" is not an offset from the due time such as -2d, 0 or +1d", id));
                continue;
            }
            if (deadline is { } dl && offset.IsNegative && -offset.NominalHours >= dl.NominalHours)
            {
                errors.Add(new(location, $"reminder at {offset} is before the stage can start (the deadline is {dl.ToDeadlineString()} after the stage starts)", id));
                continue;
            }
            if (offsets.Contains(offset))
            {
                errors.Add(new(location, $"reminder at {offset} is listed twice", id));
                continue;
            }
            offsets.Add(offset);
        }
        offsets.Sort((a, b) => a.NominalHours.CompareTo(b.NominalHours));
        return new ReminderSchedule(offsets,
            OptionalPositive(inputs, StageInputs.RepeatWhileOverdue, "repeat while overdue", location, id, errors),
            OptionalPositive(inputs, StageInputs.EscalateAfterOverdue, "escalate after", location, id, errors));
    }

    private static FlowDuration? OptionalPositive(ActivityInputs inputs, string name, string what, string location, string id, List<FlowError> errors)
    {
        var text = inputs.TextOrEmpty(name);
        if (text.Length == 0 || text == "0") return null;
        if (FlowDuration.TryParse(text, out var d) && d.Amount > 0) return d;
        errors.Add(new(location, $"{what} \"{text}\" is not a positive duration such as 1d, 2bd or 12h", id));
        return null;
    }

    private static ApprovalRule ReadApproval(ActivityInputs inputs, string location, string id, List<FlowError> errors)
    {
        var text = inputs.TextOrEmpty(StageInputs.Approver);
        if (text.Length == 0) return ApprovalRule.RepManager;
        if (!Enum.TryParse<ApproverKind>(text, ignoreCase: true, out var kind) || int.TryParse(text, out _))
        {
            errors.Add(new(location, $"approver \"{text}\" is unknown (use RepManager, Role or None)", id));
            return ApprovalRule.RepManager;
        }
        var role = inputs.TextOrEmpty(StageInputs.ApproverRole);
        if (kind == ApproverKind.Role && role.Length == 0)
            errors.Add(new(location, "approval by role needs the role's name (e.g. manager, admin)", id));
        return new ApprovalRule(kind, kind == ApproverKind.Role ? role : null);
    }
}
