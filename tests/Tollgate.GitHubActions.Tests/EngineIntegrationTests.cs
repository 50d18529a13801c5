using Tollgate.GitHubActions.Tests.TestSupport;

namespace Tollgate.GitHubActions.Tests;

/// <summary>The stale check and GenerateWorkflows as a real build runs them: through the engine's command line.</summary>
public sealed class EngineIntegrationTests : IDisposable
{
    private const string Workflow = ".github/workflows/ci.yml";
    private readonly TempRoot _root = new();

    [Fact]
    public async Task A_local_build_writes_the_workflows_before_its_targets_run_and_says_which_changed()
    {
        var (exitCode, output) = await RunAsync(["Test"]);

        exitCode.Should().Be(0, output);
        output.Should().Contain($"Regenerated {Workflow} (missing): commit it with your change.");
        var yaml = _root.Read(Workflow);
        yaml.Should().StartWith(WorkflowGenerator.HeaderMarker)
            .And.Contain("  Test:\n    needs: [Compile]\n    runs-on: ubuntu-latest\n    env:\n      MODEL_API_KEY: ${{ secrets.MODEL_API_KEY }}\n");

        var (_, again) = await RunAsync(["Test"]);
        again.Should().NotContain("Regenerated");
    }

    [Fact]
    public async Task Verify_workflows_fails_the_build_on_a_hand_edited_workflow_and_prints_the_diff()
    {
        await RunAsync(["Compile"]);
        var edited = _root.Read(Workflow).Replace("branches: [main]", "branches: [main, develop]", StringComparison.Ordinal);
        _root.Write(Workflow, edited);

        var (exitCode, output) = await RunAsync(["Compile", "--verify-workflows"]);

        exitCode.Should().Be(1);
        output.Should().Contain("1 GitHub workflow file(s) differ from what the build's target graph generates")
            .And.Contain($"--- a/{Workflow}")
            .And.Contain("-    branches: [main, develop]\n+    branches: [main]");
        _root.Read(Workflow).Should().Be(edited, "verifying never rewrites the file");
    }

    [Fact]
    public async Task A_ci_build_fails_on_a_stale_workflow_and_passes_on_a_current_one()
    {
        await RunAsync(["Compile"]);
        var current = _root.Read(Workflow);
        _root.Write(Workflow, current.Replace("--skip", "--skip --verbosity quiet", StringComparison.Ordinal));

        var (staleExit, staleOutput) = await RunAsync(["Compile"], ci: true);
        _root.Write(Workflow, current);
        var (currentExit, currentOutput) = await RunAsync(["Compile"], ci: true);

        staleExit.Should().Be(1, staleOutput);
        staleOutput.Should().Contain("Run './build.sh GenerateWorkflows' and commit the result");
        currentExit.Should().Be(0, currentOutput);
    }

    [Fact]
    public async Task On_github_actions_a_stale_workflow_gets_an_error_annotation_on_its_first_changed_line()
    {
        await RunAsync(["Compile"]);
        var edited = _root.Read(Workflow).Replace("branches: [main]", "branches: [main, develop]", StringComparison.Ordinal);
        _root.Write(Workflow, edited);
        var line = edited.Split('\n').ToList().FindIndex(l => l.Contains("develop", StringComparison.Ordinal)) + 1;

        var (exitCode, output) = await RunAsync(
            ["Compile"],
            variables: new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = _root.Path / "summary.md" });

        exitCode.Should().Be(1, output);
        output.Should().Contain($"::error file={Workflow},line={line},title=stale-workflow::This workflow is out of date");
    }

    [Fact]
    public async Task The_GenerateWorkflows_target_writes_the_files_even_on_a_ci_server()
    {
        _root.Write(Workflow, "stale\n");

        var (exitCode, output) = await RunAsync(["GenerateWorkflows"], ci: true);

        exitCode.Should().Be(0, output);
        _root.Read(Workflow).Should().StartWith(WorkflowGenerator.HeaderMarker);
        output.Should().Contain($"Regenerated {Workflow} (out of date)");
    }

    [Fact]
    public async Task The_environment_variables_a_workflow_sets_reach_the_build_parameters_they_name()
    {
        await RunAsync(["GenerateWorkflows"]);
        var deploy = _root.Read(".github/workflows/deploy.yml");
        deploy.Should().Contain("\n  TARGET_BRANCH: ${{ inputs.branch }}\n").And.Contain("\n      MODEL_API_KEY: ${{ secrets.MODEL_API_KEY }}\n");

        // What GitHub would put in those variables for a run dispatched with a hostile branch name.
        var (exitCode, output) = await RunAsync(
            ["Deploy"],
            ci: true,
            new Dictionary<string, string> { ["TARGET_BRANCH"] = InjectionTests.HostileBranch, ["MODEL_API_KEY"] = "model-key" });

        exitCode.Should().Be(0, output);
        _root.Read("received.txt").Should().Be(InjectionTests.HostileBranch + "\nmodel-key");
    }

    public void Dispose() => _root.Dispose();

    private async Task<(int ExitCode, string Output)> RunAsync(string[] args, bool ci = false, Dictionary<string, string>? variables = null)
    {
        var environment = new Dictionary<string, string?> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") };
        foreach (var (name, value) in variables ?? [])
        {
            environment[name] = value;
        }

        if (ci)
        {
            environment["CI"] = "true";
        }

        using var output = new StringWriter();
        var settings = new BuildRunSettings { Output = output, OutputRedirected = true, Environment = environment, CurrentDirectory = _root.Path };
        var exitCode = await BuildRunner.RunAsync(new WorkflowBuild(), args, defaultTarget: null, settings, CancellationToken.None);
        return (exitCode, output.ToString());
    }
}
