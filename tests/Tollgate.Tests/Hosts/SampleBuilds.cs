
namespace Tollgate.Tests.Hosts;

/// <summary>Target graphs and plans built from records, the way the planner hands them over.</summary>
internal static class SampleBuilds
{
    private static readonly Func<CancellationToken, Task> NoOp = _ => Task.CompletedTask;

    /// <summary>Restore → Compile → Test, Lint ordered before Test, Pack depends on both and triggers Publish; Clean unlisted.</summary>
    public static TargetGraph Graph() => new(
        [
            new TargetSpec { Name = "Clean", Description = "Deletes bin and obj.", Actions = [NoOp], Unlisted = true },
            new TargetSpec { Name = "Restore", Description = "Restores NuGet packages.", Actions = [NoOp] },
            new TargetSpec { Name = "Compile", Description = "Builds the solution.", Actions = [NoOp], DependsOn = ["Restore"] },
            new TargetSpec { Name = "Lint", Description = "Checks formatting.", Actions = [NoOp], DependsOn = ["Restore"] },
            new TargetSpec { Name = "Test", Description = "Runs <unit> tests & reports \"coverage\".", Actions = [NoOp], DependsOn = ["Compile"], After = ["Lint"] },
            new TargetSpec { Name = "Pack", Description = "Packs the libraries.", DependsOn = ["Compile", "Test"], Triggers = ["Publish"] },
            new TargetSpec { Name = "Publish", Description = "Pushes the packages.", Actions = [NoOp] },
        ],
        defaultTarget: "Pack");

    /// <summary>The plan for <c>./build.sh Pack Lint --skip Test</c>.</summary>
    public static ExecutionPlan Plan()
    {
        var graph = Graph();
        PlannedTarget Planned(string name, bool skipped = false, string? reason = null, bool invoked = false, string? triggeredBy = null) =>
            new(graph.Get(name), skipped, reason, invoked, triggeredBy);
        return new ExecutionPlan(
            graph,
            [
                Planned("Restore"),
                Planned("Compile"),
                Planned("Lint", invoked: true),
                Planned("Test", skipped: true, reason: "--skip"),
                Planned("Pack", invoked: true),
                Planned("Publish", triggeredBy: "Pack"),
            ],
            ["Pack", "Lint"]);
    }

    /// <summary>A finished build: two successes, a skip, a failure and a target that never ran.</summary>
    public static BuildReport FailedReport() => new(
        [
            new TargetResult("Restore", TargetStatus.Succeeded, TimeSpan.FromSeconds(1.25)),
            new TargetResult("Compile", TargetStatus.Succeeded, TimeSpan.FromSeconds(12.5)),
            new TargetResult("Test", TargetStatus.Skipped, TimeSpan.Zero, "--skip"),
            new TargetResult("Lint", TargetStatus.Failed, TimeSpan.FromSeconds(3.4), "dotnet format exited with 2 | see above"),
            new TargetResult("Pack", TargetStatus.NotRun, TimeSpan.Zero, "Lint failed"),
        ],
        TimeSpan.FromSeconds(95));

    public static BuildReport SucceededReport() => new(
        [
            new TargetResult("Restore", TargetStatus.Succeeded, TimeSpan.FromSeconds(1.25)),
            new TargetResult("Compile", TargetStatus.UpToDate, TimeSpan.FromSeconds(0.1)),
            new TargetResult("Pack", TargetStatus.Collective, TimeSpan.FromSeconds(0.02)),
        ],
        TimeSpan.FromSeconds(2));
}
