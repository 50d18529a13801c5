using System.Reflection;

namespace Tollgate.Tests.Parameters;

public class ParameterDiscoveryTests
{
    [Fact]
    public void I_find_parameter_fields_and_properties_of_the_class_hierarchy_and_its_components()
    {
        var descriptors = ParameterDiscovery.Find(new SampleBuild());

        descriptors.Select(d => d.Name).Should().BeEquivalentTo(
            "ParallelJobs", "ApiKey", "Environment", "NoCache", "EvalTimeout", "Registry", "ReportDirectory", "Suites", "Ports",
            "Weights", "imageTag", "Budget", "Seed", "Configuration", "CoverageThreshold", "JudgeModel");
    }

    [Fact]
    public void A_descriptor_carries_type_attributes_and_the_member_default()
    {
        var descriptors = ParameterDiscovery.Find(new SampleBuild()).ToDictionary(d => d.Name);

        descriptors["ApiKey"].Should().BeEquivalentTo(new { IsSecret = true, IsRequired = true, ValueType = typeof(string), Description = "API key of the model provider." });
        descriptors["ApiKey"].CommandLineName.Should().Be("--api-key");
        descriptors["ParallelJobs"].DefaultValue.Should().Be(2);
        descriptors["Configuration"].DefaultValue.Should().Be("Debug");
        descriptors["Configuration"].Member.DeclaringType.Should().Be<BaseBuild>();
        descriptors["Ports"].Separator.Should().Be(';');
        descriptors["Suites"].DefaultValue.Should().BeEquivalentTo(new[] { "smoke" });
    }

    [Fact]
    public void Nullable_value_types_are_described_by_their_underlying_type()
    {
        var descriptor = ParameterDiscovery.Find(new SampleBuild()).Single(d => d.Name == "CoverageThreshold");

        descriptor.ValueType.Should().Be<double>();
        descriptor.Member.DeclaringType.Should().Be<ICoverageComponent>();
    }

    [Fact]
    public void A_component_property_default_comes_from_its_getter()
    {
        var descriptors = ParameterDiscovery.Find(new SampleBuild()).ToDictionary(d => d.Name);

        descriptors["CoverageThreshold"].DefaultValue.Should().Be(80.0);
        descriptors["JudgeModel"].DefaultValue.Should().Be("gpt-4o-mini");
    }

    [Fact]
    public void Parameters_of_inherited_component_interfaces_are_found_once()
    {
        var names = ParameterDiscovery.Find(new DerivedComponentBuild()).Select(d => d.Name);

        names.Should().BeEquivalentTo("CoverageThreshold", "JudgeModel", "EvalSuite");
    }

    [Fact]
    public void Readonly_and_private_fields_are_parameters()
    {
        var descriptor = ParameterDiscovery.Find(new SampleBuild()).Single(d => d.Name == "imageTag");

        descriptor.Member.Should().BeAssignableTo<FieldInfo>().Which.IsInitOnly.Should().BeTrue();
        descriptor.CommandLineName.Should().Be("--image-tag");
    }

    [Fact]
    public void The_attribute_name_overrides_the_member_name()
    {
        var descriptor = ParameterDiscovery.Find(new RenamedParameterBuild()).Single();

        descriptor.Name.Should().Be("LlmApiBase");
        descriptor.Member.Name.Should().Be("Endpoint");
        descriptor.CommandLineName.Should().Be("--llm-api-base");
    }

    [Fact]
    public void Two_parameters_whose_names_differ_only_in_case_are_an_error_naming_both_declaring_types()
    {
        var act = () => ParameterDiscovery.Find(new DuplicateAcrossInterfacesBuild());

        act.Should().Throw<TollgateException>()
            .WithMessage("*Two parameters are named*ICoverageComponent.CoverageThreshold*IOtherCoverageComponent.COVERAGETHRESHOLD*");
    }

    [Fact]
    public void A_class_property_that_implements_a_component_parameter_wins_over_the_interface()
    {
        var descriptors = ParameterDiscovery.Find(new ClassOverridesComponentBuild());

        var threshold = descriptors.Should().ContainSingle(d => d.Name == "CoverageThreshold").Subject;
        threshold.Member.DeclaringType.Should().Be<ClassOverridesComponentBuild>();
        threshold.DefaultValue.Should().Be(90.0);
    }

    [Fact]
    public void A_type_that_cannot_be_converted_is_rejected_with_the_supported_types()
    {
        var act = () => ParameterDiscovery.Find(new UnsupportedTypeBuild());

        act.Should().Throw<TollgateException>().WithMessage("*'Labels'*Dictionary*string, bool, int*");
    }

    [Fact]
    public void A_getter_that_throws_leaves_the_default_unknown()
    {
        var descriptor = ParameterDiscovery.Find(new ThrowingDefaultBuild()).Single();

        descriptor.DefaultValue.Should().BeNull();
    }

    [Fact]
    public void A_parameter_named_like_an_engine_option_is_rejected()
    {
        var target = () => ParameterDiscovery.Find(new TargetNamedBuild());
        var maxParallel = () => ParameterDiscovery.Find(new MaxParallelNamedBuild());

        target.Should().Throw<TollgateException>().WithMessage("Parameter 'Target' (TargetNamedBuild.Target) would be shadowed by the engine's own option --target.*");
        maxParallel.Should().Throw<TollgateException>().WithMessage("*'MaxParallel'*--max-parallel*");
    }

    private interface IDerivedComponent : ICoverageComponent
    {
        [Parameter("Suite of the evaluation.")]
        string? EvalSuite => TryGetValue<string>();
    }

    private sealed class DerivedComponentBuild : ResolvingBuild, IDerivedComponent
    {
    }

    private sealed class TargetNamedBuild
    {
        [Parameter("Clashes with --target.")]
        public string? Target { get; set; }
    }

    private sealed class MaxParallelNamedBuild
    {
        [Parameter("Clashes with --max-parallel.")]
        public int MaxParallel { get; set; }
    }
}
