using Tollgate.TestSupport;

namespace Tollgate.GitHubActions.Tests;

public sealed class CiRunnerVariablesTests
{
    [Fact]
    public void The_variables_removed_from_a_tests_child_build_include_the_committed_workflows_parameters()
    {
        // The workflow proof runs the test suite inside the pull-request workflow's UnitTest job, whose env sets
        // IMAGE_PUSH=false: a build a test starts must not inherit it.
        CiRunnerVariables.Names.Should().Contain(["GITHUB_ACTIONS", "IMAGE_PUSH", "EVAL_CACHE_MODE", "CONFIGURATION"]);
    }

    [Fact]
    public void RemoveFrom_removes_the_named_variables_and_every_GITHUB_and_RUNNER_variable_and_keeps_the_rest()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["CI"] = "true",
            ["IMAGE_PUSH"] = "false",
            ["GITHUB_SHA"] = "abc",
            ["GITHUB_REF"] = "refs/heads/main",
            ["RUNNER_TEMP"] = "/tmp/r",
            ["PATH"] = "/usr/bin",
            ["HOME"] = "/home/u",
            ["NOT_GITHUB_PREFIXED"] = "kept",
        };

        CiRunnerVariables.RemoveFrom(environment);

        environment.Keys.Should().BeEquivalentTo("PATH", "HOME", "NOT_GITHUB_PREFIXED");
    }

    [Fact]
    public void Env_keys_are_read_at_workflow_job_and_step_level_and_nothing_else()
    {
        using var folder = new TempDirectory();
        folder.Write("a.yml", """
            name: A
            env:
              TOP_LEVEL: 'x'
            jobs:
              J:
                env:
                  JOB_LEVEL: y
                steps:
                  - env:
                      STEP_LEVEL: z
                    run: echo
                  - name: Other
                    with:
                      NOT_ENV: 1
            """);

        CiRunnerVariables.WorkflowEnvironmentNames(folder.Path)
            .Should().Equal("JOB_LEVEL", "STEP_LEVEL", "TOP_LEVEL");
    }
}
