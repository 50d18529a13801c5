using Tollgate.GitHubActions.Tests.TestSupport;

namespace Tollgate.GitHubActions.Tests;

public sealed class StaleWorkflowTests
{
    private static readonly IReadOnlyList<ParameterDescriptor> Parameters = SampleParameters.Descriptors;

    private static (TargetGraph Graph, GitHubWorkflow[] Workflows) Declared()
    {
        var (graph, workflow) = Scenarios.Diamond();
        return (graph, [workflow]);
    }

    [Fact]
    public void Writing_creates_the_files_and_a_second_write_changes_nothing()
    {
        using var root = new TempRoot();
        var (graph, workflows) = Declared();
        var files = new WorkflowFiles(root.Path);

        var first = files.Write(graph, Parameters, workflows);
        var second = files.Write(graph, Parameters, workflows);

        first.Select(c => (c.RelativePath, c.Kind)).Should().Equal((".github/workflows/diamond.yml", "missing"));
        second.Should().BeEmpty();
        root.Read(".github/workflows/diamond.yml").Should().Be(WorkflowGenerator.Generate(graph, Parameters, workflows[0]));
        files.Invoking(f => f.Verify(graph, Parameters, workflows)).Should().NotThrow();
    }

    [Fact]
    public void A_hand_edited_workflow_fails_verification_with_a_unified_diff_that_names_the_fix()
    {
        using var root = new TempRoot();
        var (graph, workflows) = Declared();
        var files = new WorkflowFiles(root.Path);
        files.Write(graph, Parameters, workflows);
        var path = ".github/workflows/diamond.yml";
        root.Write(path, root.Read(path).Replace("run: ./build.sh Test --skip", "run: ./build.sh Test --skip --no-logo", StringComparison.Ordinal));

        var failure = files.Invoking(f => f.Verify(graph, Parameters, workflows)).Should().Throw<WorkflowsOutOfDateException>().Which;

        failure.Should().BeAssignableTo<TollgateException>();
        failure.Changes.Select(c => (c.RelativePath, c.Kind)).Should().Equal((path, "out of date"));
        failure.Message.Should().Contain("Run './build.sh GenerateWorkflows' and commit the result")
            .And.Contain("--- a/.github/workflows/diamond.yml\n+++ b/.github/workflows/diamond.yml\n")
            .And.Contain("\n-        run: ./build.sh Test --skip --no-logo\n+        run: ./build.sh Test --skip\n");
    }

    [Fact]
    public void A_missing_workflow_and_a_generated_file_nobody_declares_any_more_are_stale_too()
    {
        using var root = new TempRoot();
        var (graph, workflows) = Declared();
        var files = new WorkflowFiles(root.Path);
        files.Write(graph, Parameters, [workflows[0] with { Name = "old-name" }]);
        root.Write(".github/workflows/hand-written.yml", "on: push\njobs: {}\n");

        var changes = files.Compare(graph, Parameters, workflows);

        changes.Select(c => (c.RelativePath, c.Kind)).Should().Equal(
            (".github/workflows/diamond.yml", "missing"),
            (".github/workflows/old-name.yml", "no longer declared"));
        files.Write(graph, Parameters, workflows);
        File.Exists(root.Path / ".github/workflows/old-name.yml").Should().BeFalse();
        root.Read(".github/workflows/hand-written.yml").Should().Be("on: push\njobs: {}\n", "files Tollgate did not generate are not its to touch");
    }

    [Fact]
    public void A_checkout_with_windows_line_ends_is_not_stale()
    {
        using var root = new TempRoot();
        var (graph, workflows) = Declared();
        var files = new WorkflowFiles(root.Path);
        files.Write(graph, Parameters, workflows);
        root.Write(".github/workflows/diamond.yml", root.Read(".github/workflows/diamond.yml").Replace("\n", "\r\n", StringComparison.Ordinal));

        files.Compare(graph, Parameters, workflows).Should().BeEmpty();
    }

    [Fact]
    public void Two_workflows_with_one_name_are_an_error()
    {
        using var root = new TempRoot();
        var (graph, workflows) = Declared();

        new WorkflowFiles(root.Path).Invoking(f => f.Compare(graph, Parameters, [workflows[0], workflows[0]]))
            .Should().Throw<TollgateException>().WithMessage("Two GitHub workflows are named 'diamond'*");
    }
}
