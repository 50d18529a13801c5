using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Tollgate.Deployment.Analysis.Providers;

/// <summary>Reads the Prometheus text exposition format (version 0.0.4): comments and blank lines are skipped.</summary>
internal static class PrometheusTextParser
{
    /// <summary>Every sample in the text.</summary>
    /// <exception cref="MetricProviderException">A line is malformed; the message gives its number.</exception>
    public static ImmutableArray<PrometheusSample> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var samples = ImmutableArray.CreateBuilder<PrometheusSample>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            samples.Add(ParseLine(line) ?? throw new MetricProviderException($"/metrics line {lineNumber} is not a sample: '{line}'"));
        }

        return samples.ToImmutable();
    }

    private static PrometheusSample? ParseLine(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] != '{' && line[i] != ' ' && line[i] != '\t')
        {
            i++;
        }

        var name = line[..i];
        var labels = ImmutableDictionary<string, string>.Empty;
        if (i < line.Length && line[i] == '{')
        {
            (labels, i) = ParseLabels(line, i + 1);
            if (i < 0)
            {
                return null;
            }
        }

        // The value, then an optional timestamp.
        var rest = line[i..].Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return name.Length > 0 && rest.Length >= 1 && TryNumber(rest[0], out var value) ? new PrometheusSample(name, labels, value) : null;
    }

    private static (ImmutableDictionary<string, string> Labels, int Next) ParseLabels(string line, int i)
    {
        var labels = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        while (i < line.Length)
        {
            while (i < line.Length && (line[i] == ',' || line[i] == ' '))
            {
                i++;
            }

            if (i < line.Length && line[i] == '}')
            {
                return (labels.ToImmutable(), i + 1);
            }

            var eq = line.IndexOf('=', i);
            if (eq < 0 || eq + 1 >= line.Length || line[eq + 1] != '"')
            {
                return (labels.ToImmutable(), -1);
            }

            var key = line[i..eq].Trim();
            var value = new StringBuilder();
            var j = eq + 2;
            for (; j < line.Length && line[j] != '"'; j++)
            {
                if (line[j] == '\\' && j + 1 < line.Length)
                {
                    j++;
                    value.Append(line[j] == 'n' ? '\n' : line[j]);
                }
                else
                {
                    value.Append(line[j]);
                }
            }

            if (j >= line.Length)
            {
                return (labels.ToImmutable(), -1);
            }

            labels[key] = value.ToString();
            i = j + 1;
        }

        return (labels.ToImmutable(), -1);
    }

    private static bool TryNumber(string text, out double value)
    {
        switch (text)
        {
            case "+Inf" or "Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
