namespace Tollgate.Tests.Hosts;

/// <summary>The one duration format: host lines, process errors, deployment reports and eval reports all use it.</summary>
public sealed class DurationTextTests
{
    [Theory]
    [InlineData(0, "0ms")]
    [InlineData(250, "250ms")]
    [InlineData(999, "999ms")]
    [InlineData(1_000, "1.0s")]
    [InlineData(1_500, "1.5s")]
    [InlineData(12_340, "12.3s")]
    [InlineData(59_960, "1m 00s")]
    [InlineData(90_000, "1m 30s")]
    [InlineData(300_000, "5m 00s")]
    [InlineData(5_400_000, "1h 30m")]
    [InlineData(11_040_000, "3h 04m")]
    [InlineData(266_400_000, "3d 02h")]
    public void I_read_every_duration_in_one_format_from_milliseconds_to_days(long milliseconds, string expected) =>
        DurationText.Format(TimeSpan.FromMilliseconds(milliseconds)).Should().Be(expected);

    [Fact]
    public void A_negative_duration_reads_as_zero() =>
        DurationText.Format(TimeSpan.FromSeconds(-3)).Should().Be("0ms");
}
