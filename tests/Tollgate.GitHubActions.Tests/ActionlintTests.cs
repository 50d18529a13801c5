using Tollgate.GitHubActions.ConsumerBuild;
using Tollgate.GitHubActions.Tests.TestSupport;

namespace Tollgate.GitHubActions.Tests;

public sealed class ActionlintTests
{
    [ActionlintFact]
    public async Task Every_generated_workflow_passes_actionlint_with_no_findings()
    {
        var files = Scenarios.All.Keys.ToDictionary(name => name + ".yml", Scenarios.Generate);
        files["hostile-dispatch.yml"] = WorkflowGenerator.Generate(
            Scenarios.Dispatch(InjectionTests.HostileBranch).Item1, SampleParameters.Descriptors, Scenarios.Dispatch(InjectionTests.HostileBranch).Item2);

        var (exitCode, output) = await Actionlint.LintAsync(files);

        output.Should().Contain($"actionlint: {files.Count} file(s), 0 finding(s)");
        exitCode.Should().Be(0, output);
    }

    [ActionlintFact]
    public async Task Every_committed_workflow_of_this_repository_passes_actionlint_with_no_findings()
    {
        var folder = Path.Combine(Actionlint.RepositoryRoot, ".github", "workflows");
        var files = Directory.GetFiles(folder, "*.yml").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);

        var (exitCode, output) = await Actionlint.LintAsync(files);

        files.Should().ContainKeys("pull-request.yml", "main.yml", "release.yml");
        output.Should().Contain($"actionlint: {files.Count} file(s), 0 finding(s)");
        exitCode.Should().Be(0, output);
    }

    [ActionlintFact]
    public async Task The_consumer_builds_generated_workflows_pass_actionlint_with_no_findings()
    {
        var files = new Dictionary<string, string>();
        foreach (var (name, build) in new (string, TollgateBuild)[] { ("artifacts", new ArtifactBuild()), ("shared-job", new SharedJobBuild()), ("folded", new FoldedBuild()) })
        {
            using var root = new TempRoot();
            var (generated, log) = await ConsumerRepository.RunBuildAsync(build, root.Path, "GenerateWorkflows");
            generated.Should().Be(0, log);
            files[name + ".yml"] = root.Read(".github/workflows/ci.yml");
        }

        var (exitCode, output) = await Actionlint.LintAsync(files);

        output.Should().Contain("actionlint: 3 file(s), 0 finding(s)");
        exitCode.Should().Be(0, output);
    }

    [ActionlintFact]
    public async Task The_repository_pipeline_is_expressible_and_its_workflows_pass_actionlint()
    {
        var generated = WorkflowFiles.GenerateAll(RepositoryPipeline.Graph(), SampleParameters.Descriptors, RepositoryPipeline.Workflows());

        var (exitCode, output) = await Actionlint.LintAsync(generated.ToDictionary(p => Path.GetFileName(p.Key), p => p.Value));

        exitCode.Should().Be(0, output);
        output.Should().Contain("actionlint: 5 file(s), 0 finding(s)");
        generated[".github/workflows/pull-request.yml"].Should().NotContain("DeployStaging").And.Contain("cancel-in-progress: ${{ github.event_name == 'pull_request' }}");
        generated[".github/workflows/main.yml"].Should().Contain("    environment:\n      name: staging\n").And.Contain("cancel-in-progress: false");
        generated[".github/workflows/release.yml"].Should().Contain("    environment:\n      name: production\n");
        generated[".github/workflows/nightly-eval.yml"].Should().Contain("  LLM_EVAL_SUITE: full\n");
    }

    [ActionlintFact]
    public async Task Actionlint_reports_an_unknown_job_and_an_untrusted_input_inside_a_script()
    {
        // Shows the linter is really running: the same checks would catch a generator that interpolated inputs into run:.
        const string Workflow = """
            on:
              workflow_dispatch:
                inputs:
                  branch:
                    type: string
            jobs:
              deploy:
                runs-on: ubuntu-latest
                needs: [build]
                steps:
                  - run: ./build.sh Deploy --branch "${{ github.head_ref }}"
            """;

        var (exitCode, output) = await Actionlint.LintAsync(new Dictionary<string, string> { ["bad.yml"] = Workflow });

        exitCode.Should().Be(1);
        output.Should().Contain("bad.yml:7:3: job \"deploy\" needs job \"build\" which does not exist in this workflow [job-needs]");
        output.Should().Contain("\"github.head_ref\" is potentially untrusted");
    }
}
