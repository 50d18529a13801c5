namespace Tollgate.GitHubActions;

/// <summary>
/// Before any target runs: a local build regenerates the workflow files and logs which changed; a CI build, or one with
/// <c>--verify-workflows</c>, fails with a unified diff when a committed file differs. Placed on
/// <see cref="IGitHubActions"/>, so every build that implements it gets the check.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface, AllowMultiple = false, Inherited = true)]
public sealed class CheckWorkflowsAttribute : BuildExtensionAttribute
{
    /// <inheritdoc/>
    public override Task OnBuildStartingAsync(BuildStartingContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        if (context.Build is not IGitHubActions build
            || context.Plan.Invoked.Contains(nameof(IGitHubActions.GenerateWorkflows), StringComparer.OrdinalIgnoreCase))
        {
            // Invoking GenerateWorkflows writes the files itself, on any machine.
            return Task.CompletedTask;
        }

        var files = new WorkflowFiles(build.RootDirectory);
        if (build.IsServerBuild || build.VerifyWorkflows == true)
        {
            files.Verify(context.Graph, context.ParameterDescriptors, build.Workflows);
            build.Log.Debug("GitHub workflows match the target graph.");
        }
        else
        {
            LogChanges(build.Log, files.Write(context.Graph, context.ParameterDescriptors, build.Workflows));
        }

        return Task.CompletedTask;
    }

    internal static void LogChanges(IBuildLog log, IReadOnlyList<WorkflowFileChange> changes)
    {
        if (changes.Count == 0)
        {
            log.Debug("GitHub workflows are up to date.");
            return;
        }

        foreach (var change in changes)
        {
            log.Information(change.Generated is null
                ? $"Deleted {change.RelativePath}: no GitHub workflow declares it any more."
                : $"Regenerated {change.RelativePath} ({change.Kind}): commit it with your change.");
        }
    }
}
