using System.Collections.Immutable;

namespace Tollgate.GitHubActions;

/// <summary>Committed workflow files differ from what the build's target graph generates (a CI or verifying build).</summary>
public sealed class WorkflowsOutOfDateException : TollgateException
{
    /// <summary>Creates the exception for the given differences.</summary>
    public WorkflowsOutOfDateException(IReadOnlyList<WorkflowFileChange> changes)
        : base(Describe(changes))
    {
        Changes = [.. changes];
    }

    /// <summary>The differing files.</summary>
    public ImmutableArray<WorkflowFileChange> Changes { get; }

    private static string Describe(IReadOnlyList<WorkflowFileChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var list = string.Join(Environment.NewLine, changes.Select(c => $"  {c.RelativePath} ({c.Kind})"));
        var diffs = string.Concat(changes.Select(c => c.Diff));
        return $"{changes.Count} GitHub workflow file(s) differ from what the build's target graph generates:{Environment.NewLine}{list}{Environment.NewLine}" +
               $"Run '{WorkflowGenerator.RegenerateCommand}' and commit the result; do not edit generated workflows by hand.{Environment.NewLine}{diffs}";
    }
}
