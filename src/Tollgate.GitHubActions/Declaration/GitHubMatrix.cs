using System.Collections.Immutable;

namespace Tollgate.GitHubActions;

/// <summary>
/// A matrix for chosen targets: their job runs once per combination of the dimensions' values. A dimension may name the
/// runner (<see cref="RunnerDimension"/>) and may set a build parameter through the environment.
/// </summary>
/// <param name="Targets">The targets whose jobs run as a matrix.</param>
public sealed record GitHubMatrix(ImmutableArray<string> Targets)
{
    /// <summary>The dimensions in the order they are written.</summary>
    public ImmutableArray<MatrixDimension> Dimensions { get; init; } = [];

    /// <summary>The dimension whose values are runner labels (<c>runs-on: ${{ matrix.os }}</c>), if any.</summary>
    public string? RunnerDimension { get; init; }

    /// <summary>Whether one failing combination cancels the others (off by default: every result is useful).</summary>
    public bool FailFast { get; init; }

    /// <summary>A matrix for the given targets.</summary>
    public static GitHubMatrix For(params string[] targets) => new([.. targets]);

    /// <summary>Adds a dimension of values.</summary>
    public GitHubMatrix WithDimension(string name, params string[] values) =>
        this with { Dimensions = Dimensions.Add(new MatrixDimension(name, [.. values])) };

    /// <summary>Adds a dimension whose value reaches the build as the given parameter (through its environment variable).</summary>
    public GitHubMatrix WithParameterDimension(string name, string parameter, params string[] values) =>
        this with { Dimensions = Dimensions.Add(new MatrixDimension(name, [.. values]) { Parameter = parameter }) };

    /// <summary>Adds a dimension of runner labels and runs each combination on its runner.</summary>
    public GitHubMatrix WithRunners(string name, params string[] runners) =>
        WithDimension(name, runners) with { RunnerDimension = name };

    /// <summary>Sets <see cref="FailFast"/>.</summary>
    public GitHubMatrix WithFailFast(bool failFast = true) => this with { FailFast = failFast };
}

/// <summary>One dimension of a <see cref="GitHubMatrix"/>.</summary>
/// <param name="Name">The dimension's id (<c>matrix.NAME</c>).</param>
/// <param name="Values">Its values.</param>
public sealed record MatrixDimension(string Name, ImmutableArray<string> Values)
{
    /// <summary>The build parameter the value sets, if any.</summary>
    public string? Parameter { get; init; }
}
