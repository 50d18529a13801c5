namespace Tollgate.Tests.Parameters;

public sealed class ResolvedParametersTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Get_reads_a_stored_double_as_a_nullable_double()
    {
        var resolved = Resolve(("coverage-threshold", ["88.5"]));

        resolved.Get<double?>("CoverageThreshold").Should().Be(88.5);
        resolved.Get<double>("CoverageThreshold").Should().Be(88.5);
    }

    [Fact]
    public void Get_returns_default_when_no_source_set_the_parameter()
    {
        var resolved = Resolve();

        resolved.Get<double?>("CoverageThreshold").Should().BeNull();
        resolved.Get<int>("ParallelJobs").Should().Be(0);
        resolved.Get<string>("NoSuchParameter").Should().BeNull();
    }

    [Fact]
    public void Get_widens_numbers_and_reads_arrays_as_lists()
    {
        var resolved = Resolve(("parallel-jobs", ["3"]), ("suites", ["a", "b"]));

        resolved.Get<long>("ParallelJobs").Should().Be(3L);
        resolved.Get<double?>("ParallelJobs").Should().Be(3.0);
        resolved.Get<string>("ParallelJobs").Should().Be("3");
        resolved.Get<IReadOnlyList<string>>("Suites").Should().Equal("a", "b");
        resolved.Get<List<string>>("Suites").Should().Equal("a", "b");
    }

    [Fact]
    public void Get_as_an_unrelated_type_is_an_error_naming_the_parameter()
    {
        var resolved = Resolve(("registry", ["http://127.0.0.1:5000/"]));

        var act = () => resolved.Get<int>("Registry");

        act.Should().Throw<TollgateException>().WithMessage("Parameter 'Registry' holds a Uri, which cannot be read as Int32*");
    }

    [Fact]
    public void Get_errors_never_quote_a_secret_value()
    {
        var resolved = Resolve(("api-key", ["sk-not-a-number"]));

        var act = () => resolved.Get<int>("ApiKey");

        act.Should().Throw<TollgateException>().Which.Message.Should().NotContain("sk-not-a-number").And.Contain("'ApiKey' holds a String");
    }

    [Fact]
    public void The_fingerprint_is_stable_for_the_same_values_whatever_their_source()
    {
        _root.Write(".nuke/parameters.json", """{ "ParallelJobs": 4, "Suites": ["a", "b"] }""");
        var fromFile = Resolve();
        var fromCommandLine = Resolve(("parallel-jobs", ["4"]), ("suites", ["a", "b"]));

        fromFile.ComputeFingerprint().Should().Be(fromCommandLine.ComputeFingerprint());
        fromFile.ComputeFingerprint().Should().Be(Resolve().ComputeFingerprint());
        fromFile.ComputeFingerprint().Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void The_fingerprint_changes_when_a_value_changes_including_a_secret()
    {
        var baseline = Resolve(("api-key", ["sk-first-secret"])).ComputeFingerprint();

        Resolve(("api-key", ["sk-second-secret"])).ComputeFingerprint().Should().NotBe(baseline);
        Resolve(("api-key", ["sk-first-secret"]), ("parallel-jobs", ["3"])).ComputeFingerprint().Should().NotBe(baseline);
        Resolve(("api-key", ["sk-first-secret"])).ComputeFingerprint().Should().Be(baseline);
    }

    [Fact]
    public void The_fingerprint_input_holds_a_hash_of_a_secret_never_the_secret()
    {
        var resolved = Resolve(("api-key", ["sk-live-0123456789abcdef"]), ("parallel-jobs", ["3"]));

        var input = resolved.FingerprintInput();

        input.Should().NotContain("sk-live").And.NotContain("0123456789abcdef");
        input.Should().MatchRegex("APIKEY=71:sha256:[0-9a-f]{64}\n");
        input.Should().Contain("PARALLELJOBS=1:3\n");
        resolved.ComputeFingerprint().Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Secret_values_are_listed_for_masking()
    {
        var resolved = Resolve(("api-key", ["sk-live-abc"]), ("parallel-jobs", ["3"]));

        resolved.SecretValues.Should().Equal("sk-live-abc");
    }

    private ResolvedParameters Resolve(params (string Key, string[] Values)[] flags) =>
        ParameterResolver.Resolve(
            ParameterDiscovery.Find(new SampleBuild()),
            _root.Sources(flags.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Values)));
}
