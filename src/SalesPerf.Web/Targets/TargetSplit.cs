namespace SalesPerf.Web.Targets;

/// <summary>A parent's value split to its children: whole units each, the rounding remainder on the last child.</summary>
public sealed record SplitResult(IReadOnlyList<decimal> Values, decimal RemainderOnLast);

/// <summary>Splits a target evenly or by weight so that the parts add up exactly to the whole.</summary>
public static class TargetSplit
{
    public static SplitResult Evenly(decimal total, int count)
    {
        if (count <= 0) return new([], 0);
        return ByWeight(total, Enumerable.Repeat(1m, count).ToList());
    }

    /// <summary>Each child gets its share rounded down to a whole unit; the last gets what is left, so the sum is exact.</summary>
    public static SplitResult ByWeight(decimal total, IReadOnlyList<decimal> weights)
    {
        if (weights.Count == 0) return new([], 0);
        if (weights.Any(w => w < 0)) throw new ArgumentException("Weights cannot be negative.", nameof(weights));
        var sum = weights.Sum();
        if (sum <= 0) throw new ArgumentException("At least one weight must be above zero.", nameof(weights));
        var values = new decimal[weights.Count];
        for (var i = 0; i < weights.Count - 1; i++) values[i] = Math.Floor(total * weights[i] / sum);
        var last = total - values.Take(weights.Count - 1).Sum();
        values[^1] = last;
        return new(values, last - Math.Floor(total * weights[^1] / sum));
    }
}

/// <summary>Whether a parent target and its children's add up: the difference, and how many children have none.</summary>
public sealed record TargetMismatch(decimal? Parent, decimal ChildSum, int Missing)
{
    public decimal Difference => (Parent ?? 0) - ChildSum;
    public bool HasMismatch => Parent is not null && (Difference != 0 || Missing > 0);

    public static TargetMismatch Of(decimal? parent, IEnumerable<decimal?> children)
    {
        var list = children.ToList();
        return new(parent, list.Sum(c => c ?? 0), list.Count(c => c is null));
    }
}
