using SalesPerf.Engine.Flows;

namespace SalesPerf.Engine.Tests;

public class FlowDurationTests
{
    [Theory]
    [InlineData("5d", 5, DurationUnit.CalendarDays)]
    [InlineData("5bd", 5, DurationUnit.BusinessDays)]
    [InlineData("36h", 36, DurationUnit.Hours)]
    [InlineData("-2d", -2, DurationUnit.CalendarDays)]
    [InlineData("+1d", 1, DurationUnit.CalendarDays)]
    [InlineData("-1bd", -1, DurationUnit.BusinessDays)]
    [InlineData(" 10 BD ", 10, DurationUnit.BusinessDays)]
    [InlineData("12H", 12, DurationUnit.Hours)]
    public void Parses_what_admins_write(string text, int amount, DurationUnit unit)
    {
        Assert.True(FlowDuration.TryParse(text, out var d));
        Assert.Equal(new FlowDuration(amount, unit), d);
    }

    [Fact]
    public void Zero_without_a_unit_means_at_the_due_time()
    {
        Assert.True(FlowDuration.TryParse("0", out var d));
        Assert.Equal(0, d.Amount);
        Assert.Equal(0, d.NominalHours);
        Assert.False(d.IsNegative);
        Assert.Equal("0", d.ToString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0h")]
    [InlineData("0d")]
    [InlineData("-0bd")]
    public void Every_way_of_writing_zero_is_the_same_offset(string text)
    {
        Assert.True(FlowDuration.TryParse(text, out var d));
        Assert.Equal(FlowDuration.Zero, d);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("x")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("d")]
    [InlineData("5w")]
    [InlineData("1.5d")]
    [InlineData("5 days")]
    [InlineData("12345d")]
    [InlineData("--2d")]
    public void Rejects_anything_else(string? text)
    {
        Assert.False(FlowDuration.TryParse(text, out var d));
        Assert.Equal(FlowDuration.Zero, d);
    }

    [Theory]
    [InlineData("+1d", "+1d")]
    [InlineData("1d", "+1d")]
    [InlineData("-2bd", "-2bd")]
    [InlineData("36h", "+36h")]
    [InlineData("-0d", "0")]
    public void Prints_back_as_a_signed_offset(string text, string printed)
    {
        Assert.True(FlowDuration.TryParse(text, out var d));
        Assert.Equal(printed, d.ToString());
    }

    [Fact]
    public void A_deadline_prints_without_a_sign()
    {
        Assert.Equal("5bd", new FlowDuration(5, DurationUnit.BusinessDays).ToDeadlineString());
        Assert.Equal("36h", new FlowDuration(36, DurationUnit.Hours).ToDeadlineString());
    }

    [Fact]
    public void Nominal_hours_count_a_business_day_as_a_day()
    {
        Assert.Equal(120, new FlowDuration(5, DurationUnit.BusinessDays).NominalHours);
        Assert.Equal(120, new FlowDuration(5, DurationUnit.CalendarDays).NominalHours);
        Assert.Equal(36, new FlowDuration(36, DurationUnit.Hours).NominalHours);
        Assert.Equal(-48, new FlowDuration(-2, DurationUnit.CalendarDays).NominalHours);
    }

    [Fact]
    public void Negate_flips_the_sign_and_keeps_the_unit()
    {
        var d = new FlowDuration(2, DurationUnit.BusinessDays);

        Assert.Equal(new FlowDuration(-2, DurationUnit.BusinessDays), d.Negate());
        Assert.True(d.Negate().IsNegative);
        Assert.False(d.IsNegative);
    }
}
