using System.Reflection;
using Tollgate.Components.DeployStaging;
using Tollgate.Deployment;
using Tollgate.GitHubActions;

namespace Tollgate.Components.Tests.DeployStaging;

public sealed class EnvironmentJobExtensionsTests
{
    [Fact]
    public void An_environment_declared_once_becomes_the_GitHub_environment_of_its_job_with_its_name_and_url()
    {
        var definition = DispatchProxy.Create<ITargetDefinition, RecordingDefinition>();
        var environment = new DeploymentEnvironment("staging", "research-staging", new Uri("http://127.0.0.1:8480/"), "k8s/research-assistant/values-staging.yaml", PlatformKind.Local);

        definition.DeploysTo(environment);

        ((RecordingDefinition)(object)definition).Annotations.Should().Equal(new GitHubEnvironment("staging", "http://127.0.0.1:8480/"));
    }

    /// <summary>An ITargetDefinition that records the annotations it is given.</summary>
    public class RecordingDefinition : DispatchProxy
    {
        public List<object> Annotations { get; } = [];

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            targetMethod!.Name.Should().Be(nameof(ITargetDefinition.Annotate));
            Annotations.Add(args![0]!);
            return this;
        }
    }
}
