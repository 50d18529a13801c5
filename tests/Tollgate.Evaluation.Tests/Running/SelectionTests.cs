namespace Tollgate.Evaluation.Tests.Running;

public sealed class SelectionTests
{
    private static readonly EvalCase[] Cases =
    [
        .. Enumerable.Range(1, 100).Select(i => TestSuites.Case($"c{i}", "q") with { Tags = i % 10 == 0 ? ["pricing"] : ["other"] }),
    ];

    [Fact]
    public void A_sample_with_a_fixed_seed_is_the_same_every_time()
    {
        var first = CaseSelection.Select(Cases, EvalRunOptions.Default.WithSample(0.1, seed: 7));
        var again = CaseSelection.Select(Cases, EvalRunOptions.Default.WithSample(0.1, seed: 7));
        var other = CaseSelection.Select(Cases, EvalRunOptions.Default.WithSample(0.1, seed: 8));

        first.Should().HaveCount(10);
        again.Select(c => c.Id).Should().Equal(first.Select(c => c.Id));
        other.Select(c => c.Id).Should().NotEqual(first.Select(c => c.Id));
    }

    [Fact]
    public void Filters_select_by_id_and_tag()
    {
        CaseSelection.Select(Cases, EvalRunOptions.Default.WithFilter(tags: ["pricing"])).Should().HaveCount(10);
        CaseSelection.Select(Cases, EvalRunOptions.Default.WithFilter(ids: ["c3", "c5"])).Select(c => c.Id).Should().Equal("c3", "c5");
    }

    [Fact]
    public void An_unknown_id_suggests_the_nearest()
    {
        var act = () => CaseSelection.Select(Cases, EvalRunOptions.Default.WithFilter(ids: ["c1000"]));

        act.Should().Throw<TollgateException>().WithMessage("*no case has the id 'c1000'; did you mean 'c100'?*");
    }
}
