using Tollgate.GitHubActions.Tests.TestSupport;
using Tollgate.TestSupport;

namespace Tollgate.GitHubActions.Tests;

public sealed class ApprovedWorkflowTests
{
    [Fact]
    public void A_diamond_graph_becomes_one_job_per_target_with_needs_that_mirror_its_dependencies() =>
        Verify("diamond");

    [Fact]
    public void Fan_out_and_fan_in_pass_artifacts_from_producers_to_consumers() =>
        Verify("fan-out-fan-in");

    [Fact]
    public void A_matrix_runs_the_chosen_target_on_every_combination() =>
        Verify("matrix");

    [Fact]
    public void A_deployment_gets_environments_conditions_permissions_and_only_the_secrets_its_targets_use() =>
        Verify("deployment");

    [Fact]
    public void A_scheduled_workflow_runs_on_its_crons_and_by_hand() =>
        Verify("scheduled");

    [Fact]
    public void A_dispatched_workflow_passes_its_inputs_through_the_environment() =>
        Verify("dispatch");

    [Fact]
    public void A_gitops_job_commits_the_image_digest_to_the_values_file_with_contents_write_and_one_deployment_at_a_time() =>
        Verify("gitops");

    [Fact]
    public void Generated_files_have_no_trailing_spaces_tabs_or_carriage_returns_and_end_with_one_newline()
    {
        foreach (var name in Scenarios.All.Keys)
        {
            var yaml = Scenarios.Generate(name);
            yaml.Should().EndWith("\n").And.NotEndWith("\n\n").And.NotContain("\r").And.NotContain("\t");
            yaml.Split('\n').Should().NotContain(line => line.EndsWith(' '), name);
        }
    }

    [Fact]
    public void Generating_twice_gives_the_same_text() =>
        Scenarios.Generate("deployment").Should().Be(Scenarios.Generate("deployment"));

    // The generated workflow against Approved/NAME.yml, a failure showing a unified diff as `:ci-check` prints one.
    private static void Verify(string scenario) =>
        Approvals.Verify(Scenarios.Generate(scenario), scenario + ".yml", (approved, actual, name) => UnifiedDiff.Create(approved, actual, name));
}
