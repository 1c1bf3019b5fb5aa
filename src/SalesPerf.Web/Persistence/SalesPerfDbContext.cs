using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Persistence;

/// <summary>The one database: accounts, flows, deals with their events, the score ledger and due items.</summary>
public abstract class SalesPerfDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<FlowDefinitionRecord> FlowDefinitions => Set<FlowDefinitionRecord>();
    public DbSet<DealRecord> Deals => Set<DealRecord>();
    public DbSet<DealEventRecord> DealEvents => Set<DealEventRecord>();
    public DbSet<ScoreEntryRecord> ScoreEntries => Set<ScoreEntryRecord>();
    public DbSet<CalendarDayRecord> CalendarDays => Set<CalendarDayRecord>();
    public DbSet<UploadedFileRecord> UploadedFiles => Set<UploadedFileRecord>();
    public DbSet<CustomerTypeRecord> CustomerTypes => Set<CustomerTypeRecord>();
    public DbSet<EvaluationWeightRecord> EvaluationWeights => Set<EvaluationWeightRecord>();
    public DbSet<TrainingSuggestionRecord> TrainingSuggestions => Set<TrainingSuggestionRecord>();
    public DbSet<RepRatingRecord> RepRatings => Set<RepRatingRecord>();
    public DbSet<TrainingRecord> Trainings => Set<TrainingRecord>();
    public DbSet<EvaluationCommentRecord> EvaluationComments => Set<EvaluationCommentRecord>();
    public DbSet<Disputes.ScoreDisputeRecord> ScoreDisputes => Set<Disputes.ScoreDisputeRecord>();
    public DbSet<global::SalesPerf.Web.Targets.TargetRecord> Targets => Set<global::SalesPerf.Web.Targets.TargetRecord>();
    public DbSet<global::SalesPerf.Web.Targets.TargetChangeRecord> TargetChanges => Set<global::SalesPerf.Web.Targets.TargetChangeRecord>();
    public DbSet<global::SalesPerf.Web.Targets.TargetProposalRecord> TargetProposals => Set<global::SalesPerf.Web.Targets.TargetProposalRecord>();
    public DbSet<ClosedPeriodRecord> ClosedPeriods => Set<ClosedPeriodRecord>();
    public DbSet<ClosedPeriodSnapshotRecord> ClosedPeriodSnapshots => Set<ClosedPeriodSnapshotRecord>();
    public DbSet<ClosedPeriodRepRecord> ClosedPeriodReps => Set<ClosedPeriodRepRecord>();
    public DbSet<Membership.TeamMembershipRecord> TeamMemberships => Set<Membership.TeamMembershipRecord>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.Property(u => u.Culture).HasMaxLength(10);
            e.Property(u => u.TimeZone).HasMaxLength(64);
            e.HasIndex(u => u.TeamId);
        });
        b.Entity<Membership.TeamMembershipRecord>(e =>
        {
            e.ToTable("TeamMemberships");
            e.HasKey(x => new { x.UserId, x.From });
            e.HasIndex(x => new { x.TeamId, x.From });
            e.Property(x => x.UserId).HasMaxLength(450);
        });
        b.Entity<Team>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(100);
            e.HasIndex(t => t.ManagerId);
        });
        b.Entity<FlowDefinitionRecord>(e =>
        {
            e.HasIndex(f => new { f.DefinitionId, f.Version }).IsUnique();
            e.Property(f => f.DefinitionId).HasMaxLength(100);
            e.Property(f => f.Name).HasMaxLength(200);
        });
        b.Entity<DealRecord>(e =>
        {
            e.Property(d => d.Version).IsConcurrencyToken();
            e.Property(d => d.Title).HasMaxLength(200);
            e.Property(d => d.Customer).HasMaxLength(200);
            e.Property(d => d.CustomerType).HasMaxLength(50);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.CurrentStageStatus).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.EstimatedValue).HasPrecision(18, 2);
            e.Property(d => d.ContractValue).HasPrecision(18, 2);
            e.HasIndex(d => new { d.RepId, d.Status });
            e.HasIndex(d => d.NextDueAt);
        });
        b.Entity<DealEventRecord>(e =>
        {
            e.HasKey(x => new { x.DealId, x.Sequence });
            e.Property(x => x.Type).HasMaxLength(40);
        });
        b.Entity<ScoreEntryRecord>(e =>
        {
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Attribution).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Points).HasPrecision(10, 2);
            e.Property(x => x.RatePerDay).HasPrecision(10, 2);
            e.HasKey(x => new { x.DealId, x.EventSequence, x.Kind });
            e.HasIndex(x => new { x.RepId, x.At });
        });
        b.Entity<CalendarDayRecord>(e => e.HasKey(x => x.Date));
        b.Entity<Notifications.OutboxMessageRecord>(e =>
        {
            e.ToTable("OutboxMessages");
            e.HasIndex(x => x.DedupKey).IsUnique();
            e.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
            e.Property(x => x.DedupKey).HasMaxLength(200);
            e.Property(x => x.Kind).HasMaxLength(40);
        });
        b.Entity<Deals.Notices.DealNoticeRecord>(e =>
        {
            e.ToTable("DealNotices");
            e.HasIndex(x => x.Key).IsUnique();
            e.HasIndex(x => x.CreatedAt);
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Data).HasMaxLength(2000);
        });
        b.Entity<Notifications.AppSecretRecord>(e =>
        {
            e.ToTable("AppSecrets");
            e.HasKey(x => x.Name);
        });
        b.Entity<UploadedFileRecord>(e =>
        {
            e.HasIndex(x => x.DealId);
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.StoredName).HasMaxLength(200);
        });
        b.Entity<CustomerTypeRecord>(e =>
        {
            e.ToTable("CustomerTypes");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(50);
            e.Property(x => x.NameZh).HasMaxLength(100);
            e.Property(x => x.NameEn).HasMaxLength(100);
        });
        b.Entity<EvaluationWeightRecord>(e =>
        {
            e.ToTable("EvaluationWeights");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(60);
            e.Property(x => x.Weight).HasPrecision(10, 4);
        });
        b.Entity<TrainingSuggestionRecord>(e =>
        {
            e.ToTable("TrainingSuggestions");
            e.Property(x => x.IndicatorKey).HasMaxLength(60);
            e.Property(x => x.Threshold).HasPrecision(10, 4);
            e.Property(x => x.TitleZh).HasMaxLength(200);
            e.Property(x => x.TitleEn).HasMaxLength(200);
            e.Property(x => x.DetailZh).HasMaxLength(2000);
            e.Property(x => x.DetailEn).HasMaxLength(2000);
        });
        b.Entity<RepRatingRecord>(e =>
        {
            e.ToTable("RepRatings");
            e.HasIndex(x => new { x.RepId, x.At });
            e.Property(x => x.Kind).HasMaxLength(30);
            e.Property(x => x.Score).HasPrecision(6, 2);
            e.Property(x => x.Comment).HasMaxLength(2000);
        });
        b.Entity<TrainingRecord>(e =>
        {
            e.ToTable("Trainings");
            e.HasIndex(x => new { x.RepId, x.At });
            e.Property(x => x.Course).HasMaxLength(200);
            e.Property(x => x.Hours).HasPrecision(6, 2);
        });
        b.Entity<Disputes.ScoreDisputeRecord>(e =>
        {
            e.ToTable("ScoreDisputes");
            e.HasIndex(x => new { x.RepId, x.PeriodStart, x.PeriodEnd });
            e.HasIndex(x => x.Status);
            e.Property(x => x.RepId).HasMaxLength(450);
            e.Property(x => x.AskedById).HasMaxLength(450);
            e.Property(x => x.AnsweredById).HasMaxLength(450);
            e.Property(x => x.SubjectKind).HasMaxLength(20);
            e.Property(x => x.SubjectKey).HasMaxLength(200);
            e.Property(x => x.SubjectText).HasMaxLength(1000);
            e.Property(x => x.Question).HasMaxLength(2000);
            e.Property(x => x.Answer).HasMaxLength(2000);
            e.Property(x => x.Correction).HasMaxLength(500);
            e.Property(x => x.Status).HasMaxLength(10);
        });
        b.Entity<EvaluationCommentRecord>(e =>
        {
            e.ToTable("EvaluationComments");
            e.HasIndex(x => new { x.RepId, x.PeriodStart });
            e.Property(x => x.Comment).HasMaxLength(4000);
        });
        global::SalesPerf.Web.Targets.TargetModel.Configure(b);
        b.Entity<ClosedPeriodRecord>(e =>
        {
            e.ToTable("ClosedPeriods");
            e.HasIndex(x => new { x.Start, x.End, x.Version }).IsUnique();
            e.Property(x => x.Kind).HasMaxLength(10);
            e.Property(x => x.ClosedById).HasMaxLength(450);
            e.Property(x => x.ClosedByName).HasMaxLength(100);
            e.Property(x => x.ReopenedById).HasMaxLength(450);
            e.Property(x => x.ReopenedByName).HasMaxLength(100);
            e.Property(x => x.ReopenReason).HasMaxLength(2000);
        });
        b.Entity<ClosedPeriodSnapshotRecord>(e =>
        {
            e.ToTable("ClosedPeriodSnapshots");
            e.HasIndex(x => new { x.ClosedPeriodId, x.Subject, x.Language }).IsUnique();
            e.HasOne<ClosedPeriodRecord>().WithMany().HasForeignKey(x => x.ClosedPeriodId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Subject).HasMaxLength(460);
            e.Property(x => x.Language).HasMaxLength(10);
        });
        b.Entity<ClosedPeriodRepRecord>(e =>
        {
            e.ToTable("ClosedPeriodReps");
            e.HasKey(x => new { x.ClosedPeriodId, x.RepId });
            e.HasOne<ClosedPeriodRecord>().WithMany().HasForeignKey(x => x.ClosedPeriodId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.RepId).HasMaxLength(450);
            e.Property(x => x.Subject).HasMaxLength(460);
        });
    }
}
