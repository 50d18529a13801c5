namespace Tollgate.Evaluation.Tests.Running;

public sealed class RepeatTests
{
    [Fact]
    public async Task A_case_passes_when_min_pass_of_its_repeats_pass()
    {
        var calls = 0;
        var suite = new EvalSuite("s", new ProviderSpec("app", ProviderKind.Delegate), [TestSuites.Case("flaky", "q", "yes")])
        {
            DefaultAssertions = [new AssertionSpec("icontains-all")],
        };
        var options = EvalRunOptions.Default.WithDelegate("app", (_, _) => Task.FromResult(new TargetResponse(Interlocked.Increment(ref calls) == 2 ? "no" : "yes")));

        var twoOfThree = await new EvaluationRunner().RunAsync(suite, options.WithRepeat(3, minPass: 2), null, CancellationToken.None);
        calls = 0;
        var allThree = await new EvaluationRunner().RunAsync(suite, options.WithRepeat(3), null, CancellationToken.None);

        twoOfThree.Cases[0].Attempts.Should().HaveCount(3);
        twoOfThree.Cases[0].Passed.Should().BeTrue();
        allThree.Cases[0].Passed.Should().BeFalse();
    }

    [Fact]
    public async Task Invalid_repeat_settings_are_rejected()
    {
        var suite = new EvalSuite("s", new ProviderSpec("app", ProviderKind.Delegate), [TestSuites.Case("a", "q")]);

        var act = () => new EvaluationRunner().RunAsync(suite, EvalRunOptions.Default.WithRepeat(2, minPass: 3), null, CancellationToken.None);

        await act.Should().ThrowAsync<TollgateException>().WithMessage("*min-pass*");
    }
}
