using Tollgate.Containers;
using Tollgate.Deployment.Local;

namespace Tollgate.Deployment.Tests.Local;

/// <summary>What the engine holds for a release: every container labelled with it, by role.</summary>
internal static class LocalReleases
{
    public static async Task<List<ContainerDetails>> ContainersAsync(ContainerEngineClient engine, DeploymentEnvironment environment)
    {
        var containers = new List<ContainerDetails>();
        foreach (var id in await engine.ListContainersAsync(LocalLabels.ReleaseFilter(environment.Release), CancellationToken.None))
        {
            if (await engine.InspectContainerAsync(id, CancellationToken.None) is { } details)
            {
                containers.Add(details);
            }
        }

        return containers;
    }

    public static async Task<List<LocalRelease>> ReleasesAsync(ContainerEngineClient engine, DeploymentEnvironment environment) =>
        [.. (await ContainersAsync(engine, environment)).Where(c => c.Labels[LocalLabels.Role] == "release").Select(c => new LocalRelease(c))];
}
