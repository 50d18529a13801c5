using System.Globalization;

/// <summary>One scan: wall and CPU seconds, planted secrets found, and the load average when it ended.</summary>
internal sealed record Measurement(double WallSeconds, double CpuSeconds, int Found, int Planted, string Load)
{
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static Measurement Median(IReadOnlyList<Measurement> runs) => new(
        runs.Select(r => r.WallSeconds).Order().ElementAt(runs.Count / 2),
        runs.Select(r => r.CpuSeconds).Order().ElementAt(runs.Count / 2),
        runs.Min(r => r.Found),
        runs[0].Planted,
        "-");

    public string Describe(double megabytes) => string.Create(
        CultureInfo.InvariantCulture,
        $"{WallSeconds,8:F2} s wall = {megabytes / WallSeconds,6:F1} MB/s; {CpuSeconds,7:F2} CPU s = {megabytes / CpuSeconds,6:F1} MB per CPU second; recall {Found}/{Planted}{(Load == "-" ? " (lowest)" : $"; load average {Load}")}");
}
