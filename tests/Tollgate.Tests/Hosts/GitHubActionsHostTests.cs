using Tollgate.TestSupport;

namespace Tollgate.Tests.Hosts;

public sealed class GitHubActionsHostTests : IDisposable
{
    private readonly TempDirectory _directory = new("tollgate-gha");
    private readonly StringWriter _output = new();

    public void Dispose()
    {
        _output.Dispose();
        _directory.Dispose();
    }

    private string[] Lines => _output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    [Fact]
    public void A_target_that_runs_alone_is_streamed_inside_its_own_group()
    {
        var host = new GitHubActionsHost(_output, null);

        host.TargetStarted("Compile");
        host.WriteLine(LogLevel.Information, "Compile", "dotnet build");
        host.WriteLine(LogLevel.Warning, "Compile", "warning CS0168");
        host.TargetFinished(new TargetResult("Compile", TargetStatus.Succeeded, TimeSpan.FromSeconds(1.2)));

        Lines.Should().Equal("::group::Compile", "dotnet build", "warning CS0168", "✔ Compile 1.2s", "::endgroup::");
    }

    [Fact]
    public void Groups_of_two_targets_running_at_once_never_interleave()
    {
        var host = new GitHubActionsHost(_output, null);

        host.TargetStarted("Lint");
        host.TargetStarted("Test");
        host.WriteLine(LogLevel.Information, "Lint", "lint 1");
        host.WriteLine(LogLevel.Information, "Test", "test 1");
        host.WriteLine(LogLevel.Information, "Lint", "lint 2");
        host.WriteLine(LogLevel.Information, "Test", "test 2");
        host.TargetFinished(new TargetResult("Test", TargetStatus.Succeeded, TimeSpan.FromSeconds(2)));
        host.WriteLine(LogLevel.Information, "Lint", "lint 3");
        host.TargetFinished(new TargetResult("Lint", TargetStatus.Succeeded, TimeSpan.FromSeconds(3)));

        Lines.Should().Equal(
            "::group::Lint", "lint 1", "lint 2", "lint 3", "✔ Lint 3.0s", "::endgroup::",
            "::group::Test", "test 1", "test 2", "✔ Test 2.0s", "::endgroup::");
    }

    [Fact]
    public void When_the_streaming_target_ends_first_a_still_running_target_takes_over_with_what_it_wrote_so_far()
    {
        var host = new GitHubActionsHost(_output, null);

        host.TargetStarted("Lint");
        host.TargetStarted("Test");
        host.WriteLine(LogLevel.Information, "Test", "test 1");
        host.TargetFinished(new TargetResult("Lint", TargetStatus.Succeeded, TimeSpan.FromSeconds(1)));
        host.WriteLine(LogLevel.Information, "Test", "test 2");
        host.TargetFinished(new TargetResult("Test", TargetStatus.Succeeded, TimeSpan.FromSeconds(2)));

        Lines.Should().Equal(
            "::group::Lint", "✔ Lint 1.0s", "::endgroup::",
            "::group::Test", "test 1", "test 2", "✔ Test 2.0s", "::endgroup::");
    }

    [Fact]
    public async Task Many_targets_writing_from_parallel_threads_produce_balanced_contiguous_groups()
    {
        var host = new GitHubActionsHost(_output, null);
        var names = Enumerable.Range(1, 8).Select(i => $"T{i}").ToList();

        await Task.WhenAll(names.Select(name => Task.Run(() =>
        {
            host.TargetStarted(name);
            for (var i = 0; i < 50; i++)
            {
                host.WriteLine(LogLevel.Information, name, $"{name} line {i}");
            }

            host.TargetFinished(new TargetResult(name, TargetStatus.Succeeded, TimeSpan.FromSeconds(1)));
        })));

        string? open = null;
        var seen = new List<string>();
        foreach (var line in Lines)
        {
            if (line.StartsWith("::group::", StringComparison.Ordinal))
            {
                open.Should().BeNull("a group opens only after the previous one closed");
                open = line["::group::".Length..];
                seen.Add(open);
            }
            else if (line == "::endgroup::")
            {
                open.Should().NotBeNull();
                open = null;
            }
            else
            {
                line.Should().Match(l => l.StartsWith(open + " line ", StringComparison.Ordinal) || l == $"✔ {open} 1.0s", "every line sits in its own target's group");
            }
        }

        open.Should().BeNull();
        seen.Should().BeEquivalentTo(names);
        Lines.Count(l => l.Contains(" line ", StringComparison.Ordinal)).Should().Be(8 * 50);
    }

    [Fact]
    public void Diagnostics_become_annotations_with_GitHubs_escaping()
    {
        var host = new GitHubActionsHost(_output, null);

        host.ReportDiagnostic(new Diagnostic(LogLevel.Error, "100% broken\nsecond line", @"src\a,b:c.cs", 12, 5, "CS1002"));
        host.ReportDiagnostic(new Diagnostic(LogLevel.Warning, "unused variable", "src/Program.cs", 3));
        host.ReportDiagnostic(new Diagnostic(LogLevel.Information, "consider a record"));

        Lines.Should().Equal(
            "::error file=src/a%2Cb%3Ac.cs,line=12,col=5,title=CS1002::100%25 broken%0Asecond line",
            "::warning file=src/Program.cs,line=3::unused variable",
            "::notice::consider a record");
    }

    [Fact]
    public void Secrets_are_registered_with_add_mask_and_masked_in_everything_the_host_writes()
    {
        var host = new GitHubActionsHost(_output, null);

        host.RegisterSecret("sk-live-123456");
        host.RegisterSecret("line one\nline two");
        host.WriteLine(LogLevel.Information, null, "calling with sk-live-123456");
        host.ReportDiagnostic(new Diagnostic(LogLevel.Error, "key sk-live-123456 rejected"));

        Lines.Should().Equal(
            "::add-mask::sk-live-123456",
            "::add-mask::line one",
            "::add-mask::line two",
            "calling with ***",
            "::error::key *** rejected");
    }

    [Fact]
    public void A_failed_target_adds_an_error_annotation_after_its_group()
    {
        var host = new GitHubActionsHost(_output, null);

        host.TargetStarted("Lint");
        host.TargetFinished(new TargetResult("Lint", TargetStatus.Failed, TimeSpan.FromSeconds(1), "dotnet format: 3 files, 100%"));

        Lines.Should().Equal(
            "::group::Lint",
            "✘ Lint failed: dotnet format: 3 files, 100%",
            "::endgroup::",
            "::error title=Lint failed::dotnet format: 3 files, 100%25");
    }

    [Fact]
    public void Progress_is_written_as_plain_lines_at_most_every_tenth()
    {
        var host = new GitHubActionsHost(_output, null);

        using (var progress = host.StartProgress("Evaluating", 120))
        {
            for (var i = 0; i < 120; i++)
            {
                progress.Increment(status: i == 119 ? "pass rate 92 %" : null);
            }
        }

        Lines.Should().HaveCount(10);
        Lines[0].Should().Be("Evaluating: 12/120");
        Lines[3].Should().Be("Evaluating: 48/120");
        Lines[^1].Should().Be("Evaluating: 120/120 pass rate 92 %");
        _output.ToString().Should().NotContain("::");
    }

    [Fact]
    public async Task Progress_and_diagnostics_of_a_stage_land_in_the_group_of_the_target_whose_flow_reported_them()
    {
        var host = new GitHubActionsHost(_output, null);
        var bothStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;

        async Task RunTarget(string name)
        {
            await Task.Yield();
            host.TargetStarted(name);
            if (Interlocked.Increment(ref started) == 2)
            {
                bothStarted.SetResult();
            }

            await bothStarted.Task;
            using (var progress = host.StartProgress(name + " work", 2))
            {
                progress.Increment(2);
            }

            host.ReportDiagnostic(new Diagnostic(LogLevel.Warning, name + " finding", name + ".cs", 1));
        }

        await Task.WhenAll(RunTarget("Lint"), RunTarget("Eval"));
        host.TargetFinished(new TargetResult("Lint", TargetStatus.Succeeded, TimeSpan.FromSeconds(1)));
        host.TargetFinished(new TargetResult("Eval", TargetStatus.Succeeded, TimeSpan.FromSeconds(1)));

        var text = string.Join("\n", Lines);
        text.Should().Contain("::group::Lint\nLint work: 2/2\n::warning file=Lint.cs,line=1::Lint finding\n✔ Lint 1.0s\n::endgroup::");
        text.Should().Contain("::group::Eval\nEval work: 2/2\n::warning file=Eval.cs,line=1::Eval finding\n✔ Eval 1.0s\n::endgroup::");
    }

    [Fact]
    public void The_summary_is_written_to_the_log_and_appended_to_the_step_summary_file()
    {
        var path = _directory["step_summary.md"];
        File.WriteAllText(path, "## Earlier step\n\nkept\n");
        var host = new GitHubActionsHost(_output, path);
        host.RegisterSecret("hunter2-secret");
        host.AppendSummary("### Coverage\n\n| Assembly | Lines |\n| --- | --- |\n| Tollgate | 91 % |\n");
        host.AppendSummary("Token: hunter2-secret\n");

        host.WriteSummary(SampleBuilds.FailedReport());

        var log = _output.ToString().ReplaceLineEndings("\n");
        var summary = File.ReadAllText(path);
        summary.Should().StartWith("## Earlier step\n\nkept\n", "other steps' content is preserved");
        summary.Should().NotContain("hunter2-secret");
        Approvals.Verify(summary, "GitHubStepSummary.approved.txt");
        Approvals.Verify(log, "GitHubSummaryLog.approved.txt");
    }

    [Fact]
    public void Two_builds_in_one_job_both_append_to_the_step_summary()
    {
        var path = _directory["step_summary.md"];

        new GitHubActionsHost(_output, path).WriteSummary(SampleBuilds.SucceededReport());
        new GitHubActionsHost(_output, path).WriteSummary(SampleBuilds.FailedReport());

        var summary = File.ReadAllText(path);
        summary.Should().Contain("### ✅ Build succeeded").And.Contain("### ❌ Build failed");
        summary.IndexOf("Build succeeded", StringComparison.Ordinal).Should().BeLessThan(summary.IndexOf("Build failed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_summary_file_that_cannot_be_written_is_reported_as_a_warning_not_a_crash()
    {
        var host = new GitHubActionsHost(_output, _directory.Path); // a directory, not a file

        host.WriteSummary(SampleBuilds.SucceededReport());

        _output.ToString().Should().Contain("::warning title=Step summary not written::").And.Contain("Build succeeded");
    }
}
