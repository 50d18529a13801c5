namespace Tollgate.Tests.Parameters;

public sealed class ParameterInjectorTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Resolved_values_are_set_on_properties_fields_readonly_fields_init_and_get_only_properties()
    {
        var build = new SampleBuild();
        var resolved = Resolve(build, ("parallel-jobs", ["6"]), ("image-tag", ["1.2.3"]), ("budget", ["9.5"]), ("seed", ["7"]),
            ("configuration", ["Release"]), ("suites", ["a", "b"]));

        var applied = ParameterInjector.Apply(build, resolved);

        build.ParallelJobs.Should().Be(6);
        build.ImageTag.Should().Be("1.2.3");
        build.Budget.Should().Be(9.5m);
        build.Seed.Should().Be(7);
        build.Configuration.Should().Be("Release");
        build.Suites.Should().Equal("a", "b");
        applied.Should().BeEquivalentTo("ParallelJobs", "imageTag", "Budget", "Seed", "Configuration", "Suites");
    }

    [Fact]
    public void Members_without_a_resolved_value_keep_their_defaults()
    {
        var build = new SampleBuild();

        ParameterInjector.Apply(build, Resolve(build));

        build.ParallelJobs.Should().Be(2);
        build.Configuration.Should().Be("Debug");
        build.Suites.Should().Equal("smoke");
    }

    [Fact]
    public void Component_parameters_read_their_value_through_TryGetValue()
    {
        var build = new SampleBuild();
        var component = (ICoverageComponent)build;
        component.CoverageThreshold.Should().Be(80);

        build.Resolved = Resolve(build, ("coverage-threshold", ["92.5"]), ("judge-model", ["local-judge"]));
        ParameterInjector.Apply(build, build.Resolved);

        component.CoverageThreshold.Should().Be(92.5);
        component.JudgeModel.Should().Be("local-judge");
    }

    [Fact]
    public void A_class_implementation_of_a_component_parameter_is_set()
    {
        var build = new ClassOverridesComponentBuild();

        ParameterInjector.Apply(build, Resolve(build, ("coverage-threshold", ["75"])));

        build.CoverageThreshold.Should().Be(75);
        ((ICoverageComponent)build).CoverageThreshold.Should().Be(75);
    }

    private ResolvedParameters Resolve(object build, params (string Key, string[] Values)[] flags) =>
        ParameterResolver.Resolve(
            ParameterDiscovery.Find(build),
            _root.Sources(flags.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Values)));
}
