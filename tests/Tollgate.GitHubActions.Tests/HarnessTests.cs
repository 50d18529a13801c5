using Tollgate.GitHubActions.ConsumerBuild;
using Tollgate.GitHubActions.Harness;
using Tollgate.GitHubActions.Tests.TestSupport;

namespace Tollgate.GitHubActions.Tests;

/// <summary>
/// Proof by execution on a consumer's generated workflows: every job runs in its own fresh clone with only the artifacts
/// of the jobs it needs. Real git, bash and the consumer build program; each job takes about a second.
/// </summary>
public sealed class HarnessTests
{
    [Fact]
    public async Task Every_job_of_the_artifact_variant_runs_in_a_fresh_clone_with_what_its_needs_uploaded()
    {
        using var repository = await ConsumerRepository.CreateAsync("artifacts", new ArtifactBuild());

        var report = await repository.ProveAsync("ci");

        Summary(report).Should().Equal(
            ("Compile", HarnessJobStatus.Succeeded),
            ("UnitTest", HarnessJobStatus.Succeeded),
            ("Publish", HarnessJobStatus.Succeeded),
            ("Deploy", HarnessJobStatus.NotRun));
        report.Jobs[0].HandedOn.Should().Equal("Compile (1 files)");
        report.Jobs[1].Received.Should().Equal("Compile (1 files)");
        report.Jobs[2].Received.Should().Equal("Compile (1 files)");
        report.Jobs[2].HandedOn.Should().Equal("Publish (1 files)");
        report.Jobs[3].Reason.Should().Be("deploys to the environment 'production' (https://app.example), whose approvals and cluster are not available here");
        File.ReadAllText(Path.Combine(report.ArtifactsDirectory, "Publish", "App.dll")).Should().Be("App compiled in Release", "the workflow's env sets the configuration");
        report.Succeeded.Should().BeTrue(report.ToMarkdown());
    }

    [Fact]
    public async Task A_deploy_job_runs_once_its_environment_and_secret_are_provided_and_is_not_run_without_the_secret()
    {
        using var repository = await ConsumerRepository.CreateAsync("artifacts", new ArtifactBuild());

        var withSecret = await repository.ProveAsync("ci", o => o with { Environments = ["production"], Secrets = o.Secrets.Add("DEPLOY_TOKEN", "token") });
        var withoutSecret = await repository.ProveAsync("ci", o => o with { Environments = ["production"] });

        withSecret.Jobs[^1].Should().Match<HarnessJobResult>(j => j.Job == "Deploy" && j.Status == HarnessJobStatus.Succeeded, withSecret.ToMarkdown());
        withSecret.Jobs[^1].Received.Should().Equal("Publish (1 files)");
        withoutSecret.Jobs[^1].Status.Should().Be(HarnessJobStatus.NotRun);
        withoutSecret.Jobs[^1].Reason.Should().Be("needs the secret(s) DEPLOY_TOKEN, not provided to the harness");
    }

    [Fact]
    public async Task A_plain_value_that_reads_like_a_secret_reference_is_not_one()
    {
        using var repository = await ConsumerRepository.CreateAsync("artifacts", new ArtifactBuild());
        repository.Write(".github/workflows/plain.yml", """
            name: plain
            on: push
            jobs:
              Upload:
                runs-on: ubuntu-latest
                env:
                  TOKEN: ${{ github.token && secrets.UPLOAD_TOKEN }}
                steps:
                  - uses: actions/checkout@v4
                  - uses: github/codeql-action/upload-sarif@v3
                    with:
                      sarif_file: artifacts/scan/secrets.sarif
                  - run: echo "reads secrets.sarif"
            """);
        await repository.CommitAsync("A workflow naming secrets.sarif");

        var report = await repository.ProveAsync("plain");

        report.Jobs.Should().ContainSingle().Which.Reason.Should().Be("needs the secret(s) UPLOAD_TOKEN, not provided to the harness");
    }

    [Fact]
    public async Task Like_a_runner_each_job_gets_its_own_GITHUB_TOKEN_and_unset_variables_read_as_empty()
    {
        using var repository = await ConsumerRepository.CreateAsync("artifacts", new ArtifactBuild());
        repository.Write(".github/workflows/tokens.yml", """
            name: tokens
            on: push
            env:
              REGISTRY: ${{ vars.IMAGE_REGISTRY }}
              PREVIEW: ${{ vars.PREVIEW_URL }}
            jobs:
              First:
                runs-on: ubuntu-latest
                env:
                  REGISTRY_PASSWORD: ${{ secrets.GITHUB_TOKEN }}
                  SAME_TOKEN: ${{ github.token }}
                steps:
                  - run: |
                      test -n "$REGISTRY_PASSWORD" && test "$REGISTRY_PASSWORD" = "$SAME_TOKEN"
                      test "$REGISTRY" = "registry.test/team" && test -z "$PREVIEW"
                      printf '%s' "$REGISTRY_PASSWORD" > "$RUNNER_TEMP/../first-token"
              Second:
                needs: [First]
                runs-on: ubuntu-latest
                env:
                  REGISTRY_PASSWORD: ${{ secrets.GITHUB_TOKEN }}
                steps:
                  - run: test -n "$REGISTRY_PASSWORD" && test "$REGISTRY_PASSWORD" != "$(cat "$RUNNER_TEMP/../first-token")"
            """);
        await repository.CommitAsync("A workflow reading the job token and configuration variables");

        var report = await repository.ProveAsync("tokens", o => o with { Variables = o.Variables.Add("IMAGE_REGISTRY", "registry.test/team") });

        Summary(report).Should().Equal(("First", HarnessJobStatus.Succeeded), ("Second", HarnessJobStatus.Succeeded));
        report.Succeeded.Should().BeTrue(report.ToMarkdown());
    }

    [Fact]
    public async Task A_process_a_job_leaves_running_is_terminated_when_the_job_ends_as_the_runner_does()
    {
        using var repository = await ConsumerRepository.CreateAsync("artifacts", new ArtifactBuild());
        var marker = "tollgate-orphan-" + Guid.NewGuid().ToString("N");
        repository.Write(".github/workflows/orphan.yml", $$"""
            name: orphan
            on: push
            jobs:
              Leaves:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      nohup setsid bash -c 'exec -a {{marker}} sleep 300' > /dev/null 2>&1 &
                      sleep 0.5
                      pgrep -f {{marker}}
            """);
        await repository.CommitAsync("A job that leaves a process running");

        var report = await repository.ProveAsync("orphan");

        report.Jobs.Should().ContainSingle().Which.Status.Should().Be(HarnessJobStatus.Succeeded, report.ToMarkdown());
        File.ReadAllText(report.Jobs[0].LogFile!).Should().Contain("Terminate orphan process: pid (");
        System.Diagnostics.Process.GetProcesses().Where(p => Cmdline(p.Id).Contains(marker, StringComparison.Ordinal)).Should().BeEmpty("the job's orphan is gone once the job ended");
    }

    [Fact]
    public async Task The_folded_and_shared_job_variants_run_too()
    {
        using var folded = await ConsumerRepository.CreateAsync("folded", new FoldedBuild());
        using var shared = await ConsumerRepository.CreateAsync("shared-job", new SharedJobBuild());

        var foldedReport = await folded.ProveAsync("ci");
        var sharedReport = await shared.ProveAsync("ci");

        Summary(foldedReport).Should().Equal(
            ("UnitTest", HarnessJobStatus.Succeeded), ("Publish", HarnessJobStatus.Succeeded), ("Deploy", HarnessJobStatus.NotRun));
        Summary(sharedReport).Should().Equal(("Compile", HarnessJobStatus.Succeeded), ("Deploy", HarnessJobStatus.NotRun));
        sharedReport.Jobs[0].HandedOn.Should().Equal("UnitTest (1 files)", "Publish (1 files)");
    }

    [Fact]
    public async Task The_trap_the_check_prevents_fails_under_the_harness_and_its_dependents_do_not_run()
    {
        // What the generator wrote before the check: one job per target, each skipping the others, nothing handed over.
        using var repository = await ConsumerRepository.CreateAsync("artifacts", new ArtifactBuild());
        repository.Write(".github/workflows/trap.yml", """
            name: trap
            on: push
            jobs:
              Compile:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: ./build.sh Compile --skip
              UnitTest:
                needs: [Compile]
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: ./build.sh UnitTest --skip
              Publish:
                needs: [UnitTest]
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: ./build.sh Publish --skip
            """);
        await repository.CommitAsync("A hand-written workflow");

        var report = await repository.ProveAsync("trap");

        Summary(report).Should().Equal(
            ("Compile", HarnessJobStatus.Succeeded), ("UnitTest", HarnessJobStatus.Failed), ("Publish", HarnessJobStatus.NotRun));
        report.Succeeded.Should().BeFalse();
        report.Jobs[1].Reason.Should().StartWith("step 'Run ./build.sh UnitTest --skip' failed: exit code 1");
        File.ReadAllText(report.Jobs[1].LogFile!).Should().Contain("UnitTest: src/App/bin/App.dll is missing.");
        report.Jobs[2].Reason.Should().Be("needs UnitTest, which did not succeed");
        report.ToMarkdown().Should().Contain("| UnitTest | FAILED |").And.Contain("| Publish | not run | ");
    }

    [Fact]
    public async Task Only_committed_files_reach_a_job_and_other_actions_are_listed_as_not_executed()
    {
        using var repository = await ConsumerRepository.CreateAsync("artifacts", new ArtifactBuild());
        repository.Write(".github/workflows/probe.yml", """
            name: probe
            on: workflow_dispatch
            env:
              GREETING: ${{ inputs.greeting || 'hello' }}
            jobs:
              Probe:
                runs-on: ubuntu-latest
                env:
                  WHERE: ${{ github.ref_name }}-${{ runner.os }}
                steps:
                  - uses: actions/checkout@v4
                  - run: |
                      test ! -e uncommitted.txt
                      echo "FROM_STEP=$GREETING $WHERE" >> "$GITHUB_ENV"
                  - run: test "$FROM_STEP" = "hello main-Linux"
                  - uses: github/codeql-action/upload-sarif@v3
                    with:
                      sarif_file: x.sarif
              OnWindows:
                runs-on: windows-latest
                steps:
                  - run: echo never
              OnTags:
                if: startsWith(github.ref, 'refs/tags/v')
                runs-on: ubuntu-latest
                steps:
                  - run: echo never
            """);
        await repository.CommitAsync("A probe workflow");
        repository.Write("uncommitted.txt", "only in the working tree");

        var report = await repository.ProveAsync("probe", o => o with { EventName = "workflow_dispatch" });

        Summary(report).Should().Equal(("Probe", HarnessJobStatus.Succeeded), ("OnWindows", HarnessJobStatus.NotRun), ("OnTags", HarnessJobStatus.Skipped));
        report.Jobs[0].NotExecuted.Should().Equal("github/codeql-action/upload-sarif@v3 (github/codeql-action/upload-sarif@v3)");
        report.Jobs[1].Reason.Should().Be("runs on windows-latest; the harness runs Linux jobs on this machine");
        report.Jobs[2].Reason.Should().Be("if: startsWith(github.ref, 'refs/tags/v') is false for workflow_dispatch on refs/heads/main");
    }

    [Fact]
    public async Task A_gitops_step_commits_the_digest_to_a_sandbox_and_never_to_the_repository()
    {
        using var repository = await ConsumerRepository.CreateAsync("artifacts", new ArtifactBuild());
        const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        repository.Write("k8s/research-assistant/values-staging.yaml", "image:\n  repository: ghcr.io/example/app\n  digest: \"\"\n");
        repository.Write("build.sh", $"#!/usr/bin/env bash\nmkdir -p artifacts/image\necho '{Digest}' > artifacts/image/digest.txt\n");
        repository.Write(".github/workflows/gitops.yml", Scenarios.Generate("gitops"));
        await repository.CommitAsync("GitOps");

        var report = await repository.ProveAsync("gitops", o => o with { Environments = ["staging"], Secrets = o.Secrets.Add("REGISTRY_PASSWORD", "secret") });

        report.Jobs.Should().ContainSingle().Which.Status.Should().Be(HarnessJobStatus.Succeeded, report.ToMarkdown());
        var pushed = await ConsumerRepository.GitInAsync(Path.Combine(Path.GetDirectoryName(report.ArtifactsDirectory)!, "pushes.git"), "show", "main:k8s/research-assistant/values-staging.yaml");
        pushed.Should().Contain($"  digest: \"{Digest}\"");
        repository.Read("k8s/research-assistant/values-staging.yaml").Should().Contain("digest: \"\"");
        (await repository.GitAsync("show", "main:k8s/research-assistant/values-staging.yaml")).Should().Contain("digest: \"\"", "the repository's own branch is untouched");
    }

    private static IEnumerable<(string, HarnessJobStatus)> Summary(HarnessReport report) => report.Jobs.Select(j => (j.Job, j.Status));

    private static string Cmdline(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
