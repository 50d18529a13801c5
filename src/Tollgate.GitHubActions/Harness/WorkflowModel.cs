using System.Collections.Immutable;

namespace Tollgate.GitHubActions.Harness;

/// <summary>A workflow file as the harness reads it: only what running its jobs needs.</summary>
internal sealed record WorkflowModel(string Name, ImmutableArray<KeyValuePair<string, string>> Env, ImmutableArray<JobModel> Jobs);

/// <summary>A job of a workflow file.</summary>
internal sealed record JobModel(string Id)
{
    public ImmutableArray<string> Needs { get; init; } = [];

    public string? If { get; init; }

    public string RunsOn { get; init; } = "ubuntu-latest";

    public string? Environment { get; init; }

    public string? EnvironmentUrl { get; init; }

    public int? TimeoutMinutes { get; init; }

    public ImmutableArray<KeyValuePair<string, string>> Env { get; init; } = [];

    /// <summary>The matrix dimensions (name → values), in file order.</summary>
    public ImmutableArray<KeyValuePair<string, ImmutableArray<string>>> Matrix { get; init; } = [];

    public ImmutableArray<StepModel> Steps { get; init; } = [];
}

/// <summary>A step: either <c>uses:</c> an action with <c>with:</c> inputs, or a <c>run:</c> script.</summary>
internal sealed record StepModel(string Name)
{
    public string? Uses { get; init; }

    public string? Run { get; init; }

    public string? If { get; init; }

    public bool ContinueOnError { get; init; }

    public ImmutableArray<KeyValuePair<string, string>> With { get; init; } = [];

    public ImmutableArray<KeyValuePair<string, string>> Env { get; init; } = [];

    public string? WithValue(string key) => With.FirstOrDefault(p => p.Key == key).Value;
}
