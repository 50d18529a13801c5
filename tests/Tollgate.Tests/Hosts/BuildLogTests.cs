namespace Tollgate.Tests.Hosts;

public sealed class BuildLogTests : IDisposable
{
    private readonly StringWriter _output = new();

    public void Dispose() => _output.Dispose();

    private string[] Lines => _output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    private BuildLog CreateLog(Verbosity verbosity = Verbosity.Normal, SecretMasker? masker = null) =>
        new(new TerminalHost(_output, TerminalOptions.Plain), masker ?? new SecretMasker(), verbosity);

    [Fact]
    public void Lines_written_inside_a_target_scope_carry_the_target_and_multi_line_messages_are_split()
    {
        var log = CreateLog();

        log.Information("before");
        using (log.BeginTarget("Compile"))
        {
            log.Information("first\nsecond\r\nthird\n");
        }

        log.Information("after");

        Lines.Should().Equal("before", "Compile │ first", "Compile │ second", "Compile │ third", "after");
    }

    [Fact]
    public void Secrets_are_masked_before_the_host_sees_them_even_across_line_breaks()
    {
        var masker = new SecretMasker();
        masker.Add("p@ss\nword");
        masker.Add("sk-abcdef123");
        var log = CreateLog(masker: masker);

        log.Warning("key=sk-abcdef123 pw=p@ss\nword end");
        log.Report(new Diagnostic(LogLevel.Error, "rejected sk-abcdef123", "config/sk-abcdef123.json", 1));

        Lines.Should().Equal("key=*** pw=*** end", "config/***.json:1: error: rejected ***");
    }

    [Fact]
    public void RegisterSecret_masks_in_the_log_and_registers_with_the_host()
    {
        var ghOutput = new StringWriter();
        var log = new BuildLog(new GitHubActionsHost(ghOutput, null), new SecretMasker(), Verbosity.Normal);

        log.RegisterSecret("token-4711-abc");
        log.Information("using token-4711-abc");

        ghOutput.ToString().ReplaceLineEndings("\n").Should().Be("::add-mask::token-4711-abc\nusing ***\n");
    }

    [Theory]
    [InlineData(Verbosity.Quiet, new[] { "error" })]
    [InlineData(Verbosity.Minimal, new[] { "warning", "error" })]
    [InlineData(Verbosity.Normal, new[] { "information", "warning", "error" })]
    [InlineData(Verbosity.Verbose, new[] { "debug", "information", "warning", "error" })]
    public void Verbosity_filters_levels(Verbosity verbosity, string[] expected)
    {
        var log = CreateLog(verbosity);

        log.Debug("debug");
        log.Information("information");
        log.Warning("warning");
        log.Error("error");
        log.Report(new Diagnostic(LogLevel.Warning, "diagnostic warning"));

        var lines = _output.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Where(l => !l.Contains("diagnostic", StringComparison.Ordinal)).Should().Equal(expected);
        lines.Any(l => l.Contains("diagnostic warning", StringComparison.Ordinal)).Should().Be(verbosity >= Verbosity.Minimal);
    }

    [Fact]
    public async Task Targets_running_in_parallel_each_see_their_own_scope()
    {
        var log = CreateLog();
        var names = Enumerable.Range(1, 6).Select(i => $"Target{i}").ToList();
        var entered = 0;
        var allEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await Task.WhenAll(names.Select(name => Task.Run(async () =>
        {
            using (log.BeginTarget(name))
            {
                if (Interlocked.Increment(ref entered) == names.Count)
                {
                    allEntered.SetResult();
                }

                await allEntered.Task; // every scope is open before anyone writes
                for (var i = 0; i < 40; i++)
                {
                    log.Information($"from {name} #{i}");
                    await Task.Yield();
                }

                await Task.Run(() => log.Information($"from {name} child task"));
            }
        })));

        log.CurrentTarget.Should().BeNull();
        Lines.Should().HaveCount(names.Count * 41);
        foreach (var line in Lines)
        {
            var prefix = line[..line.IndexOf(" │ ", StringComparison.Ordinal)];
            line.Should().Contain($"from {prefix} ", "a line carries the target of the flow that wrote it");
        }
    }

    [Fact]
    public void Nested_scopes_restore_the_outer_target()
    {
        var log = CreateLog();

        using (log.BeginTarget("Outer"))
        {
            using (log.BeginTarget("Inner"))
            {
                log.Information("inner");
            }

            log.Information("outer");
        }

        Lines.Should().Equal("Inner │ inner", "Outer │ outer");
    }
}
