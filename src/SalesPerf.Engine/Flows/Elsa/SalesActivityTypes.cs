namespace SalesPerf.Engine.Flows.Elsa;

/// <summary>The activity types a SalesPerf flowchart is made of, and their ports and inputs.</summary>
public static class SalesActivityTypes
{
    public const string Flowchart = "Elsa.Flowchart";
    public const string DealStart = "SalesPerf.DealStart";
    public const string SalesStage = "SalesPerf.SalesStage";
    public const string Won = "SalesPerf.DealWon";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { DealStart, SalesStage, Won };

    public static class Ports
    {
        public const string Done = "Done";
        public const string Approved = "Approved";
        public const string SentBack = "SentBack";
        public const string In = "In";
    }

    /// <summary>Input names of a sales stage, as camelCase properties of the activity JSON.</summary>
    public static class StageInputs
    {
        public const string Key = "key";
        public const string NameZh = "nameZh";
        public const string NameEn = "nameEn";
        public const string GuidanceZh = "guidanceZh";
        public const string GuidanceEn = "guidanceEn";
        public const string Criteria = "criteria";
        public const string Deadline = "deadline";
        public const string Reminders = "reminders";
        public const string RepeatWhileOverdue = "repeatWhileOverdue";
        public const string EscalateAfterOverdue = "escalateAfterOverdue";
        public const string Approver = "approver";
        public const string ApproverRole = "approverRole";
        public const string Points = "points";
        public const string DeductionPerLateDayRep = "deductionPerLateDayRep";
        public const string DeductionPerLateDayCustomer = "deductionPerLateDayCustomer";
        public const string DeductionPerLateDayOther = "deductionPerLateDayOther";
        public const string DeductionCap = "deductionCap";
        public const string DeductionPerSendBack = "deductionPerSendBack";
        public const string WinProbability = "winProbability";
    }
}
