namespace Tollgate.Tests.Targets;

public sealed class FluentDefinitionTests
{
    private sealed class Marker(string value)
    {
        public string Value { get; } = value;
    }

    private sealed class EveryMethodBuild : TollgateBuild
    {
        public List<string> Calls { get; } = [];

        [Parameter("A key")]
        [Secret]
        public string? ApiKey { get; set; }

        public Target Restore => _ => _.Executes(() => Calls.Add("Restore"));

        public Target Compile => _ => _
            .Description("Compiles the code")
            .DependsOn(Restore)
            .Executes(() => Calls.Add("sync"))
            .Executes(async () =>
            {
                await Task.Yield();
                Calls.Add("async");
            })
            .Executes(async ct =>
            {
                await Task.Delay(1, ct);
                Calls.Add("async-ct");
            });

        public Target Test => _ => _.DependentFor(Pack).After(Restore).Before(Publish).Triggers(Report).TriggeredBy(Compile);

        public Target Pack => _ => _
            .OnlyWhenStatic(() => Calls.Count >= 0)
            .OnlyWhenDynamic(() => ApiKey != null)
            .Requires(() => ApiKey)
            .Requires(() => Calls.Count == 0)
            .RequiresTool("dotnet")
            .WhenSkipped(DependencyBehavior.Execute)
            .ProceedAfterFailure()
            .Produces("artifacts/packages/*.nupkg")
            .Consumes(Compile, "bin/**")
            .Inputs("src/**/*.cs")
            .Outputs("artifacts/packages/*.nupkg")
            .Exclusive(BuildResources.DotnetProjects, "registry")
            .Annotate(new Marker("first"))
            .Annotate(new Marker("second"));

        public Target Publish => _ => _.Uses(() => ApiKey).AssuredAfterFailure().Unlisted().Consumes(Pack);

        public Target Report => _ => _;
    }

    private static TargetGraph Discover(out EveryMethodBuild build)
    {
        build = new EveryMethodBuild();
        return TargetDiscovery.Discover(build, "Compile");
    }

    [Fact]
    public void Description_and_DependsOn_are_recorded()
    {
        var compile = Discover(out _).Get("Compile");
        compile.Description.Should().Be("Compiles the code");
        compile.DependsOn.Should().Equal("Restore");
    }

    [Fact]
    public async Task Executes_keeps_sync_async_and_cancellable_actions_in_order()
    {
        var compile = Discover(out var build).Get("Compile");
        compile.Actions.Should().HaveCount(3);
        compile.ActionMethods.Should().HaveCount(3);
        foreach (var action in compile.Actions)
        {
            await action(CancellationToken.None);
        }

        build.Calls.Should().Equal("sync", "async", "async-ct");
    }

    [Fact]
    public void DependentFor_Before_and_TriggeredBy_are_folded_into_the_other_target()
    {
        var graph = Discover(out _);
        graph.Get("Pack").DependsOn.Should().Contain("Test");
        graph.Get("Publish").After.Should().Contain("Test");
        graph.Get("Compile").Triggers.Should().Contain("Test");
        graph.Get("Test").After.Should().Equal("Restore");
        graph.Get("Test").Triggers.Should().Equal("Report");
    }

    [Fact]
    public void Conditions_keep_their_source_text()
    {
        var pack = Discover(out _).Get("Pack");
        pack.StaticConditions.Single().Text.Should().Be("() => Calls.Count >= 0");
        pack.DynamicConditions.Single().Text.Should().Be("() => ApiKey != null");
    }

    [Fact]
    public void Requires_records_parameters_conditions_and_tools()
    {
        var pack = Discover(out _).Get("Pack");
        pack.Requirements.Should().HaveCount(3);
        pack.Requirements[0].Should().Be(new TargetRequirement.Parameter("ApiKey"));
        pack.Requirements[1].Should().BeOfType<TargetRequirement.Check>().Which.Condition.Text.Should().Be("() => Calls.Count == 0");
        pack.Requirements[2].Should().Be(new TargetRequirement.Tool("dotnet"));
        pack.UsedParameters.Should().Equal("ApiKey");
    }

    [Fact]
    public void Uses_records_a_parameter_without_requiring_it()
    {
        var publish = Discover(out _).Get("Publish");
        publish.UsedParameters.Should().Equal("ApiKey");
        publish.Requirements.Should().BeEmpty();
    }

    [Fact]
    public void Failure_behaviour_and_visibility_flags_are_recorded()
    {
        var graph = Discover(out _);
        graph.Get("Pack").WhenSkipped.Should().Be(DependencyBehavior.Execute);
        graph.Get("Pack").ProceedAfterFailure.Should().BeTrue();
        graph.Get("Publish").AssuredAfterFailure.Should().BeTrue();
        graph.Get("Publish").Unlisted.Should().BeTrue();
        graph.Get("Compile").WhenSkipped.Should().Be(DependencyBehavior.Skip);
    }

    [Fact]
    public void Produces_Consumes_Inputs_and_Outputs_are_recorded()
    {
        var graph = Discover(out _);
        var pack = graph.Get("Pack");
        pack.Produces.Should().Equal("artifacts/packages/*.nupkg");
        pack.Consumes.Single().Should().BeEquivalentTo(new ArtifactConsumption("Compile", ["bin/**"]));
        pack.Inputs.Should().Equal("src/**/*.cs");
        pack.Outputs.Should().Equal("artifacts/packages/*.nupkg");
        pack.IsIncremental.Should().BeTrue();
        graph.Get("Publish").Consumes.Single().Should().BeEquivalentTo(new ArtifactConsumption("Pack", []));
    }

    [Fact]
    public void Annotate_keeps_every_annotation_and_the_last_of_a_type_wins()
    {
        var pack = Discover(out _).Get("Pack");
        pack.Annotations.Should().HaveCount(2);
        pack.GetAnnotation<Marker>()!.Value.Should().Be("second");
    }

    [Fact]
    public void Exclusive_records_the_resources_a_target_holds()
    {
        Discover(out _).Get("Pack").ExclusiveResources.Should().Equal("dotnet-projects", "registry");
    }

    [Fact]
    public void A_target_without_actions_is_collective()
    {
        Discover(out _).Get("Report").IsCollective.Should().BeTrue();
    }

    [Fact]
    public void Targets_are_found_case_insensitively_and_the_default_is_kept()
    {
        var graph = Discover(out _);
        graph.Get("compile").Name.Should().Be("Compile");
        graph.DefaultTarget.Should().Be("Compile");
    }
}
