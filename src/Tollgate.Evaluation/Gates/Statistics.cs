namespace Tollgate.Evaluation;

/// <summary>Confidence bounds and percentiles for gates.</summary>
internal static class Statistics
{
    private const double Z95 = 1.959964;

    /// <summary>The lower bound of the 95 % Wilson score interval for <paramref name="successes"/> of <paramref name="trials"/>.</summary>
    public static double WilsonLowerBound(int successes, int trials)
    {
        if (trials <= 0)
        {
            return 0;
        }

        var p = successes / (double)trials;
        var z2 = Z95 * Z95;
        var centre = p + (z2 / (2 * trials));
        var margin = Z95 * Math.Sqrt((p * (1 - p) / trials) + (z2 / (4d * trials * trials)));
        return Math.Max(0, (centre - margin) / (1 + (z2 / trials)));
    }

    /// <summary>
    /// The lower bound of a 95 % percentile-bootstrap interval for the mean of <paramref name="values"/>, with a fixed
    /// <paramref name="seed"/> so the same results give the same gate.
    /// </summary>
    public static double BootstrapLowerBound(IReadOnlyList<double> values, int seed, int resamples = 2000)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return 0;
        }

        var random = new Random(seed);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var sum = 0d;
            for (var i = 0; i < values.Count; i++)
            {
                sum += values[random.Next(values.Count)];
            }

            means[r] = sum / values.Count;
        }

        Array.Sort(means);
        return means[(int)Math.Floor(0.025 * (resamples - 1))];
    }

    /// <summary>The <paramref name="percentile"/> (0–100) by linear interpolation between closest ranks.</summary>
    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var rank = percentile / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}
