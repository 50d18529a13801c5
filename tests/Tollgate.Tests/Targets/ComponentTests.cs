namespace Tollgate.Tests.Targets;

public interface ICompileComponent : ITollgateBuild
{
    List<string> Calls { get; }

    Target Compile => _ => _.Description("component compile").Executes(() => Calls.Add("component compile"));
}

public interface ITestComponent : ICompileComponent
{
    Target Test => _ => _.DependsOn<ICompileComponent>(x => x.Compile).Executes(() => Calls.Add("component test"));
}

public sealed class ComponentTests
{
    private sealed class ComposedBuild : TollgateBuild, ITestComponent
    {
        public List<string> Calls { get; } = [];

        public Target Pack => _ => _.DependsOn<ITestComponent>(x => x.Test);
    }

    private sealed class ExtendingBuild : TollgateBuild, ITestComponent
    {
        public List<string> Calls { get; } = [];

        Target ICompileComponent.Compile => _ => _
            .Inherit<ICompileComponent>(x => x.Compile)
            .Description("extended compile")
            .Executes(() => Calls.Add("extension"));
    }

    private sealed class OverridingBuild : TollgateBuild, ITestComponent
    {
        public List<string> Calls { get; } = [];

        public Target Compile => _ => _.Executes(() => Calls.Add("class compile"));
    }

    private sealed class LocalLambdaBuild : TollgateBuild
    {
        public Target Compile => _ => _.DependsOn(_ => _);
    }

    private sealed class NotImplementingBuild : TollgateBuild
    {
        public Target Compile => _ => _.DependsOn<ITestComponent>(x => x.Test);
    }

    [Fact]
    public void Targets_of_component_interfaces_are_found_with_their_dependencies()
    {
        var graph = TargetDiscovery.Discover(new ComposedBuild());
        graph.Targets.Select(t => t.Name).Should().BeEquivalentTo("Pack", "Compile", "Test");
        graph.Get("Test").DependsOn.Should().Equal("Compile");
        graph.Get("Pack").DependsOn.Should().Equal("Test");
        graph.Get("Compile").DeclaringType.Should().Be<ICompileComponent>();
    }

    [Fact]
    public async Task An_explicit_reimplementation_can_inherit_the_default_and_extend_it()
    {
        var build = new ExtendingBuild();
        var compile = TargetDiscovery.Discover(build).Get("Compile");
        compile.Description.Should().Be("extended compile");
        foreach (var action in compile.Actions)
        {
            await action(CancellationToken.None);
        }

        build.Calls.Should().Equal("component compile", "extension");
        TargetDiscovery.Discover(build).Get("Test").DependsOn.Should().Equal("Compile");
    }

    [Fact]
    public async Task A_class_property_of_the_same_name_replaces_the_component_default()
    {
        var build = new OverridingBuild();
        var graph = TargetDiscovery.Discover(build);
        graph.Targets.Count(t => t.Name == "Compile").Should().Be(1);
        await graph.Get("Compile").Actions.Single()(CancellationToken.None);
        build.Calls.Should().Equal("class compile");
    }

    [Fact]
    public void Referring_to_a_lambda_that_is_not_a_target_property_is_an_error()
    {
        var act = () => TargetDiscovery.Discover(new LocalLambdaBuild());
        act.Should().Throw<TollgateException>().WithMessage("*not a property of LocalLambdaBuild*");
    }

    [Fact]
    public void Depending_on_a_component_the_build_does_not_implement_is_an_error_naming_the_fix()
    {
        var act = () => TargetDiscovery.Discover(new NotImplementingBuild());
        act.Should().Throw<TollgateException>().WithMessage("*does not implement it. Add ITestComponent*");
    }
}
