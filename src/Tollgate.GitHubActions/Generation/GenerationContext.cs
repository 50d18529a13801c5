using System.Collections.Immutable;

namespace Tollgate.GitHubActions;

/// <summary>What rendering one workflow needs to know: the declaration, the build's parameters and the planned jobs.</summary>
internal sealed record GenerationContext(GitHubWorkflow Workflow, IReadOnlyList<ParameterDescriptor> Parameters, ImmutableArray<WorkflowJob> Jobs)
{
    /// <summary>The job that runs a target.</summary>
    public WorkflowJob JobOf(string target) =>
        Jobs.First(job => job.Targets.Any(t => string.Equals(t.Name, target, StringComparison.OrdinalIgnoreCase)));

    /// <summary>A parameter by its name or member name (ignoring case), as targets and declarations refer to it.</summary>
    public ParameterDescriptor? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? Parameters.FirstOrDefault(p => string.Equals(p.Member.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A parameter that a declaration names, or an error naming the declaration and the parameters there are.</summary>
    public ParameterDescriptor RequireParameter(string name, string usedBy) =>
        FindParameter(name) ?? throw new TollgateException(
            $"Workflow '{Workflow.Name}': {usedBy} sets the parameter '{name}', which the build does not declare. " +
            $"Declare it with [Parameter] or use one of: {string.Join(", ", Parameters.Select(p => p.Name))}.");

    /// <summary>Whether any job deploys to an environment.</summary>
    public bool Deploys => Jobs.Any(job => job.Targets.Any(t => t.GetAnnotation<GitHubEnvironment>() is not null));
}
