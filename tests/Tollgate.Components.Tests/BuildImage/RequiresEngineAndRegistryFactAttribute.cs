namespace Tollgate.Components.Tests.BuildImage;

/// <summary>
/// A fact that needs a container engine and docker-registry (the Build stage's local registry): skipped with the
/// reason when either is missing, failed instead under TOLLGATE_REQUIRE_TOOLS=1 (CI). At most 10 minutes a test.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresEngineAndRegistryFactAttribute : FactAttribute
{
    public RequiresEngineAndRegistryFactAttribute()
    {
        Skip = RequiredTools.EngineSkipReason ?? RequiredTools.SkipReason("docker-registry", "see .ci/install.d/10-docker.sh");
        Timeout = 600_000;
    }
}
