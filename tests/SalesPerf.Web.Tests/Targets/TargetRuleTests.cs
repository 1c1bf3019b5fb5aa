using SalesPerf.Web.Targets;

namespace SalesPerf.Web.Tests.Targets;

/// <summary>The pure rules: splits that add up exactly, the mismatch flag, periods, and cutting targets to a period by days.</summary>
public sealed class TargetRuleTests
{
    [Fact]
    public void An_even_split_adds_up_exactly_with_the_remainder_on_the_last_child()
    {
        var split = TargetSplit.Evenly(1_000_000m, 3);
        Assert.Equal([333_333m, 333_333m, 333_334m], split.Values);
        Assert.Equal(1_000_000m, split.Values.Sum());
        Assert.Equal(1m, split.RemainderOnLast);
        Assert.Equal(0m, TargetSplit.Evenly(900m, 3).RemainderOnLast);
    }

    [Fact]
    public void A_split_by_weight_follows_the_weights_and_adds_up_exactly()
    {
        var split = TargetSplit.ByWeight(500_000m, [1m, 2m]);
        Assert.Equal([166_666m, 333_334m], split.Values);
        Assert.Equal(1m, split.RemainderOnLast);
        var three = TargetSplit.ByWeight(10m, [0m, 3m, 1m]);
        Assert.Equal([0m, 7m, 3m], three.Values);
        Assert.Throws<ArgumentException>(() => TargetSplit.ByWeight(10m, [0m, 0m]));
        Assert.Throws<ArgumentException>(() => TargetSplit.ByWeight(10m, [1m, -1m]));
    }

    [Fact]
    public void Mismatch_shows_the_difference_and_children_without_a_target()
    {
        Assert.False(TargetMismatch.Of(100m, [40m, 60m]).HasMismatch);
        var over = TargetMismatch.Of(100m, [50m, 60m]);
        Assert.True(over.HasMismatch);
        Assert.Equal(-10m, over.Difference);
        var missing = TargetMismatch.Of(100m, [100m, null]);
        Assert.True(missing.HasMismatch);
        Assert.Equal(1, missing.Missing);
        Assert.False(TargetMismatch.Of(null, [5m]).HasMismatch); // no parent yet: nothing to compare with
    }

    [Theory]
    [InlineData("2026-Q1", "quarter", "2026-01-01", 90)]
    [InlineData("2026-03", "month", "2026-03-01", 31)]
    [InlineData("2024", "year", "2024-01-01", 366)]
    public void Periods_read_and_name_themselves(string token, string kind, string start, int days)
    {
        var p = TargetPeriod.Parse(token)!;
        Assert.Equal(kind, p.Kind);
        Assert.Equal(DateOnly.Parse(start), p.Start);
        Assert.Equal(days, p.Days);
        Assert.Equal(token, p.Token);
    }

    [Theory]
    [InlineData("2026-Q5")] [InlineData("2026-13")] [InlineData("26-Q1")] [InlineData("")] [InlineData("2026-1")]
    public void Bad_period_tokens_are_refused(string token) => Assert.Null(TargetPeriod.Parse(token));

    private static readonly TargetPeriod Q1 = TargetPeriod.Parse("2026-Q1")!;
    private static readonly DateOnly Mar1 = new(2026, 3, 1), Apr1 = new(2026, 4, 1);

    [Fact]
    public void A_quarter_target_counts_for_a_month_by_its_share_of_days()
    {
        var cut = TargetProration.Cut([new TargetTimeline(Q1, [new InForceValue(Q1.Start, 3_000_000m, new(2026, 1, 2), "Wang", false)])], Mar1, Apr1)!;
        Assert.Equal(1_033_333.33m, cut.Value);
        Assert.Equal("2026-Q1 · 3,000,000 × 31/90 d · approved 2026-01-02 by Wang", cut.Source);
    }

    [Fact]
    public void A_month_target_inside_the_period_counts_fully_and_wins_over_its_quarter_for_its_days()
    {
        var march = TargetPeriod.Parse("2026-03")!;
        var targets = new[]
        {
            new TargetTimeline(Q1, [new InForceValue(Q1.Start, 900m, new(2026, 1, 2), "Wang", false)]),
            new TargetTimeline(march, [new InForceValue(march.Start, 500m, new(2026, 3, 1), "Wang", false)]),
        };
        Assert.Equal(500m, TargetProration.Cut(targets, Mar1, Apr1)!.Value);
        // The whole quarter: January and February from the quarter's target (59 of 90 days), March from its own.
        Assert.Equal(Math.Round(900m * 59 / 90 + 500m, 2), TargetProration.Cut(targets, Q1.Start, Apr1)!.Value);
    }

    [Fact]
    public void A_change_applies_from_its_date_and_the_old_value_to_the_days_before()
    {
        var values = new[]
        {
            new InForceValue(Q1.Start, 3_000_000m, new(2026, 1, 2), "Wang", false),
            new InForceValue(new(2026, 3, 11), 3_900_000m, new(2026, 3, 5), "Wang", true),
        };
        var march = TargetProration.Cut([new TargetTimeline(Q1, values)], Mar1, Apr1)!;
        Assert.Equal(Math.Round(3_000_000m * 10 / 90 + 3_900_000m * 21 / 90, 2), march.Value);
        Assert.Contains("3,000,000 × 10/90 d + 3,900,000 × 21/90 d from 2026-03-11", march.Source);
        Assert.Contains("changed 2026-03-05 by Wang", march.Source);
        var february = TargetProration.Cut([new TargetTimeline(Q1, values)], new(2026, 2, 1), Mar1)!;
        Assert.Equal(Math.Round(3_000_000m * 28 / 90, 2), february.Value);
    }

    [Fact]
    public void A_later_decision_replaces_what_an_earlier_one_set_from_its_day_on()
    {
        var folded = TargetProration.Fold([
            new InForceValue(Q1.Start, 100m, Q1.Start, "a", false),
            new InForceValue(new(2026, 3, 20), 200m, new(2026, 3, 1), "a", true),
            new InForceValue(new(2026, 3, 15), 150m, new(2026, 3, 2), "a", true),
        ]);
        Assert.Equal([100m, 150m], folded.Select(v => v.Value));
    }

    [Fact]
    public void No_target_overlapping_the_period_gives_nothing()
    {
        Assert.Null(TargetProration.Cut([new TargetTimeline(Q1, [new InForceValue(Q1.Start, 1m, Q1.Start, "a", false)])], Apr1, Apr1.AddMonths(1)));
        Assert.Null(TargetProration.Cut([], Mar1, Apr1));
    }
}
