using System.Globalization;
using SalesPerf.Engine.Calendar;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;

namespace SalesPerf.Web.Demo;

public sealed record DemoRep(string Id, string ManagerId);

/// <summary>
/// Plays deals through the real engine on a simulated clock: follow-ups, on-time and late submissions with
/// delay reasons, approvals, send-backs, re-classifications, lost and on-hold deals. Deterministic for a seed,
/// so the demo looks the same everywhere and benchmarks can make 100k deals.
/// </summary>
public sealed class DemoDealGenerator(IReadOnlyList<StageFlow> flows, BusinessCalendar calendar, IReadOnlyList<DemoRep> reps, DateTimeOffset now, int seed = 2026)
{
    private static readonly IReadOnlySet<string> ManagerRoles = new HashSet<string> { Accounts.Roles.Manager };
    private static readonly IReadOnlySet<string> RepRoles = new HashSet<string> { Accounts.Roles.Rep };
    private static readonly string[] DelayReasons =
    [
        "客户尚未提供完整的用电数据 — customer has not provided complete consumption data",
        "客户技术负责人出差，会议改期 — customer's technical lead travelling, meeting moved",
        "我方方案需要技术部重新核算 — our solution needs recalculation by the technical team",
        "报告撰写延误 — report drafting took longer than planned",
        "客户内部预算审批流程延长 — customer's internal budget approval took longer",
    ];

    private readonly Random _random = new(seed);

    /// <summary>At most this many follow-up visits per stage (uniformly 0 … this); fewer make shorter histories (benchmarks).</summary>
    public int MaxFollowUpsPerStage { get; init; } = 2;

    public IEnumerable<IReadOnlyList<DealTransition>> Generate(int count, TimeSpan spread)
    {
        for (var i = 0; i < count; i++) yield return GenerateDeal(i, spread);
    }

    private IReadOnlyList<DealTransition> GenerateDeal(int index, TimeSpan spread)
    {
        var rep = reps[_random.Next(reps.Count)];
        var (customerType, customer) = PickCustomer();
        var flow = customerType == "industrial" || flows.Count == 1 ? flows[0] : flows[_random.Next(flows.Count)];
        // Skewed towards recent starts, as in a living pipeline: most deals are still open.
        var t = now - TimeSpan.FromHours(Math.Pow(_random.NextDouble(), 1.8) * spread.TotalHours);
        var deal = new Sim(flow, calendar, rep);
        var title = $"{customer} {DemoCompany.Projects[_random.Next(DemoCompany.Projects.Length)]}";
        var value = Math.Round((decimal)(_random.NextDouble() * 950 + 50)) * 10_000m; // 0.5–10 million CNY
        var id = DeterministicGuid(index);
        if (!deal.Do(new CreateDeal(id, title, customer, customerType, rep.Id, value), t, asManager: false)) return deal.Transitions;

        var endsLost = _random.NextDouble() < 0.08;
        var endsOnHold = !endsLost && _random.NextDouble() < 0.05;
        var lostAt = _random.Next(flow.Stages.Count);
        var sentBack = false;
        while (deal.State.Current is { } run && t < now)
        {
            var stage = flow[run.StageKey];
            t = FollowUps(deal, t, run.Schedule.DueAt);
            if (endsLost && flow.IndexOf(stage.Key) == lostAt)
            {
                deal.Do(new LoseDeal("客户选择了竞争对手方案 — customer chose a competitor"), t + Hours(2, 48), asManager: false);
                break;
            }
            var late = _random.NextDouble() < 0.28;
            var span = run.Schedule.DueAt - run.Schedule.StartedAt;
            var submitAt = late
                ? run.Schedule.DueAt + Hours(6, 24 * 6)
                : run.Schedule.StartedAt + span * (0.3 + _random.NextDouble() * 0.65);
            // Events follow each other in time: a (re)submission comes after the last follow-up or send-back, which
            // may make it late (a stage sent back near its due time).
            var earliest = t + Hours(1, 12);
            if (submitAt < earliest) submitAt = earliest;
            late = submitAt > run.Schedule.DueAt;
            if (submitAt > now) break; // still being worked on
            if (late)
            {
                var attribution = _random.NextDouble() switch { < 0.45 => DelayAttribution.Rep, < 0.9 => DelayAttribution.Customer, _ => DelayAttribution.Other };
                deal.Do(new RecordDelayReason(DelayReasons[_random.Next(DelayReasons.Length)], attribution), Max(t, submitAt - Hours(1, 5)), asManager: false);
            }
            if (!deal.Do(new SubmitDeliverable(stage.Key, DeliverableFor(stage, submitAt)), submitAt, asManager: false)) break;
            t = submitAt;
            var decideAt = submitAt + Hours(2, 40);
            if (decideAt > now) break; // waiting for the manager
            var no = deal.State.Current!.Pending!.SubmissionNo;
            if (!sentBack && _random.NextDouble() < 0.14)
            {
                sentBack = true;
                var target = stage.SendBackTargets.Count > 0 && _random.NextDouble() < 0.5 ? stage.SendBackTargets[0] : null;
                deal.Do(new SendBackSubmission(no, "请补充客户现场数据并更新方案版本 — please add the site data and update the solution version", target), decideAt, asManager: true);
                t = decideAt + Hours(4, 30);
                continue;
            }
            deal.Do(new ApproveSubmission(no, _random.NextDouble() < 0.3 ? "做得好 — good work" : null), decideAt, asManager: true);
            t = decideAt;
            // Managers decide most delay claims (confirm most, re-classify some) and leave a few open, as claims.
            if (deal.State.Delays.LastOrDefault() is { Decided: false } delay && delay.StageKey == stage.Key && _random.NextDouble() < 0.85
                && decideAt + Hours(1, 20) is var decidedAt && decidedAt <= now)
            {
                t = decidedAt;
                var reclassify = _random.NextDouble() < 0.18;
                deal.Do(new ReclassifyDelay(delay.DelayNo,
                    !reclassify ? delay.Attribution : delay.Attribution == DelayAttribution.Customer ? DelayAttribution.Rep : DelayAttribution.Customer,
                    reclassify ? "经核实重新归因 — re-classified after checking with the customer" : "已与客户核实 — checked with the customer"), t, asManager: true);
            }
        }
        if (endsOnHold && deal.State.Status == DealStatus.Active && t < now)
            deal.Do(new HoldDeal("客户项目预算冻结至下季度 — customer froze the budget until next quarter"), Min(now, t + Hours(2, 72)), asManager: false);
        return deal.Transitions;
    }

    private DateTimeOffset FollowUps(Sim deal, DateTimeOffset t, DateTimeOffset due)
    {
        var visits = _random.Next(0, MaxFollowUpsPerStage + 1);
        for (var v = 0; v < visits; v++)
        {
            var at = t + Hours(3, 24 * 4);
            if (at > now || at > due) break;
            var next = calendar.LocalDate(at).AddDays(_random.Next(2, 10));
            deal.Do(new LogFollowUp(at, "电话沟通项目进展，确认下一次会议 — call on progress, next meeting agreed",
                "希望降低峰值需量电费 — wants to cut peak demand charges", "提交补充资料 — send supporting data", next), at, asManager: false);
            t = at;
        }
        return t;
    }

    private Deliverable DeliverableFor(Stage stage, DateTimeOffset at)
    {
        var values = new Dictionary<string, string>();
        var ticked = new Dictionary<string, IReadOnlyList<string>>();
        var files = new List<SubmittedFile>();
        foreach (var f in stage.Criteria)
        {
            switch (f.Type)
            {
                case FieldType.Text:
                    values[f.Key] = Text(f.MinLength ?? 0);
                    break;
                case FieldType.Number:
                    var min = f.Min ?? 0;
                    var max = f.Max ?? min + 5_000_000;
                    values[f.Key] = Math.Round(min + (max - min) * (decimal)_random.NextDouble() * 0.5m, 0).ToString(CultureInfo.InvariantCulture);
                    break;
                case FieldType.Date:
                    values[f.Key] = calendar.LocalDate(at).AddDays(-_random.Next(0, 3)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    break;
                case FieldType.Choice:
                    values[f.Key] = f.Options[_random.Next(f.Options.Count)].Value;
                    break;
                case FieldType.Checklist:
                    ticked[f.Key] = f.Options.Select(o => o.Value).ToList();
                    break;
                case FieldType.File:
                    files.Add(new SubmittedFile(f.Key, $"{stage.Key}-{f.Key}.{f.AllowedFileTypes[0]}", $"demo/{stage.Key}-{f.Key}.{f.AllowedFileTypes[0]}", 48_000, "application/octet-stream"));
                    break;
            }
        }
        return new Deliverable(values, ticked, files);
    }

    private static string Text(int minLength)
    {
        const string sentence = "客户现场共有两台 10kV 变压器，峰值负荷出现在夏季午后，计划三年内扩建产线。The site has two 10 kV transformers; peak load is on summer afternoons. ";
        var text = sentence;
        while (text.Length < minLength) text += sentence;
        return text.Trim();
    }

    private (string Type, string Customer) PickCustomer() => _random.Next(3) switch
    {
        0 => ("grid", DemoCompany.GridCustomers[_random.Next(DemoCompany.GridCustomers.Length)]),
        1 => ("industrial", DemoCompany.IndustrialCustomers[_random.Next(DemoCompany.IndustrialCustomers.Length)]),
        _ => ("newEnergy", DemoCompany.NewEnergyCustomers[_random.Next(DemoCompany.NewEnergyCustomers.Length)]),
    };

    private TimeSpan Hours(double min, double max) => TimeSpan.FromHours(min + _random.NextDouble() * (max - min));
    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private Guid DeterministicGuid(int index)
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        BitConverter.TryWriteBytes(bytes, index);
        return new Guid(bytes);
    }

    /// <summary>One deal being played: the state so far and the transitions that led to it.</summary>
    private sealed class Sim(StageFlow flow, BusinessCalendar calendar, DemoRep rep)
    {
        public DealState State { get; private set; } = null!;
        public List<DealTransition> Transitions { get; } = [];

        public bool Do(DealCommand command, DateTimeOffset at, bool asManager)
        {
            var actor = asManager
                ? new Actor(rep.ManagerId, ManagerRoles, IsOwner: false, IsOwnersManager: true)
                : new Actor(rep.Id, RepRoles, IsOwner: true, IsOwnersManager: false);
            var (transition, _) = DealTransition.Run(Transitions.Count == 0 ? null : State, command, new DealContext(flow, calendar, at, actor));
            if (transition is null) return false;
            Transitions.Add(transition);
            State = transition.After;
            return true;
        }
    }
}
