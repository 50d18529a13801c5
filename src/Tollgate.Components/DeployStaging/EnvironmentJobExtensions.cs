using Tollgate.Deployment;
using Tollgate.GitHubActions;

namespace Tollgate.Components.DeployStaging;

/// <summary>
/// Maps the one declaration of an environment (<see cref="DeploymentEnvironment"/>) onto the GitHub environment its CI job
/// runs in, so the name and URL are written once: <c>_ =&gt; _.DeploysTo(Environments.Find("staging"))</c>.
/// </summary>
public static class EnvironmentJobExtensions
{
    /// <summary>The job runs in the GitHub environment named like <paramref name="environment"/>, showing its URL on the run.</summary>
    public static ITargetDefinition DeploysTo(this ITargetDefinition definition, DeploymentEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return definition.DeploysTo(environment.Name, environment.Url.ToString());
    }
}
