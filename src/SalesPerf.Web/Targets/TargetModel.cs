using Microsoft.EntityFrameworkCore;

namespace SalesPerf.Web.Targets;

/// <summary>The targets' tables, configured from <see cref="Persistence.SalesPerfDbContext"/>.</summary>
public static class TargetModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<TargetRecord>(e =>
        {
            e.ToTable("Targets");
            e.Property(x => x.Level).HasMaxLength(10);
            e.Property(x => x.OwnerId).HasMaxLength(64);
            e.Property(x => x.Metric).HasMaxLength(40);
            e.Property(x => x.PeriodKind).HasMaxLength(10);
            e.Property(x => x.Status).HasMaxLength(10);
            e.Property(x => x.Value).HasPrecision(18, 2);
            e.HasIndex(x => new { x.Level, x.OwnerId, x.Metric, x.PeriodKind, x.PeriodStart }).IsUnique();
            e.HasIndex(x => new { x.Level, x.PeriodStart });
        });
        b.Entity<TargetChangeRecord>(e =>
        {
            e.ToTable("TargetChanges");
            e.HasIndex(x => new { x.TargetId, x.At });
            e.Property(x => x.Action).HasMaxLength(20);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.Property(x => x.OldValue).HasPrecision(18, 2);
            e.Property(x => x.NewValue).HasPrecision(18, 2);
        });
        b.Entity<TargetProposalRecord>(e =>
        {
            e.ToTable("TargetProposals");
            e.HasIndex(x => new { x.TargetId, x.Status });
            e.Property(x => x.Status).HasMaxLength(10);
            e.Property(x => x.PriorStatus).HasMaxLength(10);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.Property(x => x.DecisionComment).HasMaxLength(2000);
            e.Property(x => x.CurrentValue).HasPrecision(18, 2);
            e.Property(x => x.ProposedValue).HasPrecision(18, 2);
        });
    }
}
