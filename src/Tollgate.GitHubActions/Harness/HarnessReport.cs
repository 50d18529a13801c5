using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Tollgate.GitHubActions.Harness;

/// <summary>What became of a job under the harness.</summary>
public enum HarnessJobStatus
{
    /// <summary>Every step succeeded (or failed with continue-on-error).</summary>
    Succeeded,

    /// <summary>A step failed.</summary>
    Failed,

    /// <summary>The job could not run here (a secret, an environment, a runner, a failed needed job); the reason says which.</summary>
    NotRun,

    /// <summary>Its <c>if:</c> was false for this event.</summary>
    Skipped,
}

/// <summary>One job's result.</summary>
/// <param name="Job">The job id (with the matrix values for a matrix leg).</param>
/// <param name="Status">The outcome.</param>
/// <param name="Duration">How long it took (clone included).</param>
/// <param name="Reason">Why it failed, did not run or was skipped.</param>
/// <param name="LogFile">The job's full output.</param>
public sealed record HarnessJobResult(string Job, HarnessJobStatus Status, TimeSpan Duration, string? Reason, string? LogFile)
{
    /// <summary>Artifacts downloaded from the jobs it needs ("name (N files)").</summary>
    public ImmutableArray<string> Received { get; init; } = [];

    /// <summary>Artifacts it uploaded for the jobs after it ("name (N files)").</summary>
    public ImmutableArray<string> HandedOn { get; init; } = [];

    /// <summary><c>uses:</c> steps the harness did not execute (other than checkout, setup-dotnet, cache and artifacts).</summary>
    public ImmutableArray<string> NotExecuted { get; init; } = [];
}

/// <summary>The result of running one workflow under the harness.</summary>
/// <param name="Workflow">The workflow's name.</param>
/// <param name="Jobs">The jobs in the order they ran.</param>
/// <param name="ArtifactsDirectory">The uploaded artifacts, one folder per name.</param>
public sealed record HarnessReport(string Workflow, ImmutableArray<HarnessJobResult> Jobs, string ArtifactsDirectory)
{
    /// <summary>True when no job failed (jobs that did not run are listed with their reason, not counted as failures).</summary>
    public bool Succeeded => Jobs.All(j => j.Status != HarnessJobStatus.Failed);

    /// <summary>The per-job table: job, status, duration, received, handed on, notes.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"### Workflow harness: {Workflow}\n\n")
            .Append("| Job | Status | Duration | Received | Handed on | Notes |\n|---|---|---|---|---|---|\n");
        foreach (var job in Jobs)
        {
            var notes = new List<string>();
            if (job.Reason is not null)
            {
                notes.Add(job.Reason);
            }

            if (!job.NotExecuted.IsEmpty)
            {
                notes.Add("not executed: " + string.Join(", ", job.NotExecuted));
            }

            text.Append(CultureInfo.InvariantCulture, $"| {job.Job} | {StatusText(job.Status)} | {job.Duration.TotalSeconds:0}s | {List(job.Received)} | {List(job.HandedOn)} | {Cell(string.Join("; ", notes))} |\n");
        }

        return text.ToString();
    }

    private static string StatusText(HarnessJobStatus status) => status switch
    {
        HarnessJobStatus.Succeeded => "succeeded",
        HarnessJobStatus.Failed => "FAILED",
        HarnessJobStatus.NotRun => "not run",
        _ => "skipped",
    };

    private static string List(ImmutableArray<string> items) => items.IsEmpty ? "-" : Cell(string.Join(", ", items));

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
