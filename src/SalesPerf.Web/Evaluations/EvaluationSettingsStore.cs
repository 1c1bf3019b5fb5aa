using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Engine.Flows;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Evaluations;

/// <summary>The admin's evaluation weights and training suggestions; seeds the defaults into empty tables.</summary>
public sealed class EvaluationSettingsStore(SalesPerfDbContext db, CalendarProvider calendars, TimeProvider clock)
{
    public async Task<EvaluationSettings> LoadAsync(CancellationToken ct = default)
    {
        var weights = await db.EvaluationWeights.AsNoTracking().ToDictionaryAsync(w => w.Key, w => w.Weight, ct);
        var suggestions = await db.TrainingSuggestions.AsNoTracking().Where(s => s.Active).OrderBy(s => s.IndicatorKey).ToListAsync(ct);
        return new EvaluationSettings(new EvaluationWeights(weights),
            suggestions.Select(s => new TrainingSuggestion(s.IndicatorKey, s.Threshold, new(s.TitleZh, s.TitleEn), new(s.DetailZh, s.DetailEn))).ToList(),
            calendars.Zone) { AsOf = clock.GetUtcNow() };
    }

    public async Task SaveWeightsAsync(IReadOnlyDictionary<string, decimal> weights, CancellationToken ct = default)
    {
        var stored = await db.EvaluationWeights.ToDictionaryAsync(w => w.Key, ct);
        foreach (var (key, value) in weights)
        {
            if (!EvaluationModel.DefaultWeights.ContainsKey(key)) continue;
            if (stored.TryGetValue(key, out var row)) row.Weight = value;
            else db.EvaluationWeights.Add(new EvaluationWeightRecord { Key = key, Weight = value });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Default weights and the default training-suggestion list, each only into an empty table.</summary>
    public async Task SeedDefaultsAsync(CancellationToken ct = default)
    {
        if (!await db.EvaluationWeights.AnyAsync(ct))
        {
            db.EvaluationWeights.AddRange(EvaluationModel.DefaultWeights.Select(p => new EvaluationWeightRecord { Key = p.Key, Weight = p.Value }));
            await db.SaveChangesAsync(ct);
        }
        if (!await db.TrainingSuggestions.AnyAsync(ct))
        {
            db.TrainingSuggestions.AddRange(DefaultSuggestions.Select(s => new TrainingSuggestionRecord
            {
                Id = Guid.NewGuid(), IndicatorKey = s.IndicatorKey, Threshold = s.Threshold, TitleZh = s.Title.Zh, TitleEn = s.Title.En,
                DetailZh = s.Detail.Zh, DetailEn = s.Detail.En, Active = true,
            }));
            await db.SaveChangesAsync(ct);
        }
    }

    public static readonly IReadOnlyList<TrainingSuggestion> DefaultSuggestions =
    [
        new(EvaluationModel.FollowUps, 50, new("客户开发与拜访技巧", "Prospecting and customer visits"),
            new("拜访计划、需求挖掘与跟进节奏；目标每周至少两次有效拜访。", "Planning visits, uncovering needs and keeping a follow-up rhythm; aim for two real visits a week.")),
        new(EvaluationModel.ContractsWon, 40, new("大客户销售与商务谈判", "Key-account selling and negotiation"),
            new("从方案到签约的推进方法、报价策略与谈判技巧。", "Moving from solution to signature: quoting strategy and negotiation technique.")),
        new(EvaluationModel.OnTimeRate, 70, new("时间管理与节点计划", "Time management and stage planning"),
            new("按阶段截止日倒排计划，提前识别风险并及时记录延误原因。", "Plan backwards from each stage's due date, spot risks early and record delay reasons in time.")),
        new(EvaluationModel.CompletionRate, 70, new("销售流程与交付物标准", "The sales process and deliverable standards"),
            new("各阶段完成标准（如需求分析报告须含用电负荷、现有设备、三年需求预测）。", "What each stage must deliver (e.g. the needs-analysis report: load profile, existing equipment, 3-year forecast).")),
        new(EvaluationModel.Revisions, 60, new("解决方案撰写与技术沟通", "Writing solutions with the technical team"),
            new("与技术团队协同，一次把客户需求写清楚，减少反复修改。", "Work with the technical team to capture the customer's needs right the first time and cut rework.")),
        new(EvaluationModel.SendBackResponse, 60, new("客户反馈快速响应", "Responding fast to feedback"),
            new("退回后 1 个工作日内给出修改计划并同步技术团队。", "Within one working day of a send-back, agree a revision plan and brief the technical team.")),
        new(EvaluationModel.CustomerFeedback, 60, new("客户沟通与关系维护", "Customer communication and relationships"),
            new("倾听、确认与期望管理。", "Listening, confirming and managing expectations.")),
        new(EvaluationModel.SolutionQuality, 60, new("电力行业方案基础", "Power-sector solution basics"),
            new("电网接入、储能与负荷分析的基础知识。", "Grid connection, storage and load-analysis fundamentals.")),
        new(EvaluationModel.Training, 50, new("年度学习计划", "Yearly learning plan"),
            new("与经理一起制定学习计划，每月至少 8 小时。", "Agree a learning plan with your manager: at least 8 hours a month.")),
    ];
}
