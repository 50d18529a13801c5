using System.Globalization;

namespace Tollgate.Deployment.Analysis;

/// <summary>
/// A success or failure condition on one measured value, such as <c>result &lt; 0.01</c>. A small typed model
/// instead of Argo Rollouts' expression language: a condition can only compare the result with a number, so a
/// template can never run code.
/// </summary>
/// <param name="Operator">The comparison.</param>
/// <param name="Threshold">The number the result is compared with.</param>
public sealed record MetricCondition(ConditionOperator Operator, double Threshold)
{
    private static readonly (string Text, ConditionOperator Operator)[] Symbols =
    [
        ("<=", ConditionOperator.LessThanOrEqual),
        (">=", ConditionOperator.GreaterThanOrEqual),
        ("==", ConditionOperator.Equal),
        ("!=", ConditionOperator.NotEqual),
        ("<", ConditionOperator.LessThan),
        (">", ConditionOperator.GreaterThan),
    ];

    /// <summary><c>result &lt; threshold</c>.</summary>
    public static MetricCondition LessThan(double threshold) => new(ConditionOperator.LessThan, threshold);

    /// <summary><c>result &lt;= threshold</c>.</summary>
    public static MetricCondition AtMost(double threshold) => new(ConditionOperator.LessThanOrEqual, threshold);

    /// <summary><c>result &gt; threshold</c>.</summary>
    public static MetricCondition GreaterThan(double threshold) => new(ConditionOperator.GreaterThan, threshold);

    /// <summary><c>result &gt;= threshold</c>.</summary>
    public static MetricCondition AtLeast(double threshold) => new(ConditionOperator.GreaterThanOrEqual, threshold);

    /// <summary>Whether the value meets the condition. NaN meets no condition.</summary>
    public bool IsMetBy(double value) => !double.IsNaN(value) && Operator switch
    {
        ConditionOperator.LessThan => value < Threshold,
        ConditionOperator.LessThanOrEqual => value <= Threshold,
        ConditionOperator.GreaterThan => value > Threshold,
        ConditionOperator.GreaterThanOrEqual => value >= Threshold,
        ConditionOperator.Equal => value.Equals(Threshold),
        ConditionOperator.NotEqual => !value.Equals(Threshold),
        _ => throw new InvalidOperationException($"Unknown operator {Operator}."),
    };

    /// <summary>
    /// Reads <c>result OP NUMBER</c> (OP one of <c>&lt; &lt;= &gt; &gt;= == !=</c>), the form the summary prints.
    /// </summary>
    /// <exception cref="TollgateException">The text is not of that form; the message names the field and the fix.</exception>
    public static MetricCondition Parse(string text, string field = "condition")
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        const string Subject = "result";
        if (trimmed.StartsWith(Subject, StringComparison.Ordinal))
        {
            var rest = trimmed[Subject.Length..].TrimStart();
            foreach (var (symbol, op) in Symbols)
            {
                if (rest.StartsWith(symbol, StringComparison.Ordinal)
                    && double.TryParse(rest[symbol.Length..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold))
                {
                    return new MetricCondition(op, threshold);
                }
            }
        }

        throw new TollgateException($"{field}: '{text}' is not a condition. Expected 'result <op> <number>' with <op> one of < <= > >= == != (e.g. 'result < 0.01').");
    }

    /// <summary>The condition as <c>result &lt; 0.01</c>.</summary>
    public override string ToString()
    {
        var symbol = Symbols.First(s => s.Operator == Operator).Text;
        return $"result {symbol} {Threshold.ToString("G", CultureInfo.InvariantCulture)}";
    }
}
