using Tollgate.Containers;
using Tollgate.Deployment.Local;

namespace Tollgate.Deployment.Tests.Support;

/// <summary>
/// The deployment environments one test class creates on the real engine; <see cref="RemoveAllAsync"/> (from the
/// class's DisposeAsync) removes every container and network labelled with their releases, whatever the test left.
/// </summary>
internal sealed class TestEnvironments
{
    private readonly List<DeploymentEnvironment> created = [];

    /// <summary>Remembers <paramref name="environment"/> for clean-up and returns it.</summary>
    public DeploymentEnvironment Add(DeploymentEnvironment environment)
    {
        lock (created)
        {
            created.Add(environment);
        }

        return environment;
    }

    /// <summary>Removes the containers and networks of every environment added (the images stay for the next test).</summary>
    public async Task RemoveAllAsync(ContainerEngineClient engine)
    {
        DeploymentEnvironment[] all;
        lock (created)
        {
            all = [.. created];
        }

        foreach (var environment in all)
        {
            await engine.RemoveByLabelAsync(LocalLabels.ReleaseFilter(environment.Release), includeImages: false, CancellationToken.None);
        }
    }
}
