using Tollgate.Deployment.Smoke;

namespace Tollgate.Deployment.Local;

/// <summary>How the local container platform runs releases.</summary>
/// <param name="RouterProject">The router's project file (src/Tollgate.Deployment.Router/Tollgate.Deployment.Router.csproj), published into its image.</param>
public sealed record LocalPlatformOptions(string RouterProject)
{
    /// <summary>The port the release's service listens on inside its container.</summary>
    public int ContainerPort { get; init; } = 8080;

    /// <summary>The <see cref="Containers.TollgateLabels.Session"/> label value (a build run or test id).</summary>
    public string Session { get; init; } = "deploy";

    /// <summary>How long a new release may take to answer /health through the router.</summary>
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the old release may finish in-flight requests after the switch.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a stopped container gets between SIGTERM and SIGKILL.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Smoke-test retry settings.</summary>
    public SmokeOptions Smoke { get; init; } = SmokeOptions.Default;
}
