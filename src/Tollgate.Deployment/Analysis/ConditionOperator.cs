namespace Tollgate.Deployment.Analysis;

/// <summary>A comparison a <see cref="MetricCondition"/> makes between a measured value and its threshold.</summary>
public enum ConditionOperator
{
    /// <summary><c>result &lt; threshold</c>.</summary>
    LessThan,

    /// <summary><c>result &lt;= threshold</c>.</summary>
    LessThanOrEqual,

    /// <summary><c>result &gt; threshold</c>.</summary>
    GreaterThan,

    /// <summary><c>result &gt;= threshold</c>.</summary>
    GreaterThanOrEqual,

    /// <summary><c>result == threshold</c>.</summary>
    Equal,

    /// <summary><c>result != threshold</c>.</summary>
    NotEqual,
}
