using System.Collections.Immutable;

namespace Tollgate.GitHubActions.Harness;

/// <summary>
/// What <c>${{ }}</c> expressions can read in the harness: <c>github</c>, <c>inputs</c>, <c>secrets</c>, <c>vars</c>,
/// <c>matrix</c>, <c>env</c> and <c>runner</c>, plus the job status functions. Secrets that are read but not provided are collected, so
/// the job can be reported as not run instead of running with an empty value.
/// </summary>
internal sealed record ExpressionContext
{
    public ImmutableDictionary<string, string> GitHub { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableDictionary<string, string> Inputs { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableDictionary<string, string> Secrets { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableDictionary<string, string> Vars { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableDictionary<string, string> Matrix { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableDictionary<string, string> Env { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The folder <c>hashFiles()</c> searches (the job's workspace), if any.</summary>
    public string? Workspace { get; init; }

    /// <summary>Whether everything before (the needed jobs, or the earlier steps) succeeded.</summary>
    public bool Succeeded { get; init; } = true;

    /// <summary>Secrets read that were not provided (shared by copies made with <c>with</c>).</summary>
    public SortedSet<string> MissingSecrets { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>An expression the harness cannot evaluate faithfully; the job is reported as not run with this reason.</summary>
internal sealed class UnsupportedExpressionException(string expression, string reason)
    : TollgateException($"the expression '{expression}' is not supported by the harness ({reason})")
{
    public string Expression { get; } = expression;
}
