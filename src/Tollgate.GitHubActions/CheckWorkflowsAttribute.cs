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
            var changes = files.Compare(context.Graph, context.ParameterDescriptors, build.Workflows);
            if (changes.Count > 0)
            {
                Report(build.Host, changes);
                throw new WorkflowsOutOfDateException(changes);
            }

            build.Log.Debug("GitHub workflows match the target graph.");
        }
        else
        {
            LogChanges(build.Log, files.Write(context.Graph, context.ParameterDescriptors, build.Workflows));
        }

        return Task.CompletedTask;
    }

    // An annotation on each stale file (GitHub shows it on the file in pull requests) and the diff in the summary.
    private static void Report(IBuildHost host, IReadOnlyList<WorkflowFileChange> changes)
    {
        foreach (var change in changes)
        {
            host.ReportDiagnostic(new Diagnostic(
                LogLevel.Error,
                $"This workflow is {change.Kind}: it differs from what the build's target graph generates. Run '{WorkflowGenerator.RegenerateCommand}' and commit the result.",
                change.RelativePath,
                change.FirstChangedLine,
                Code: "stale-workflow"));
        }

        host.AppendSummary(
            "### Stale GitHub workflows\n\n" +
            $"Run `{WorkflowGenerator.RegenerateCommand}` and commit the result.\n\n" +
            "```diff\n" + string.Concat(changes.Select(c => c.Diff)) + "```\n");
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
