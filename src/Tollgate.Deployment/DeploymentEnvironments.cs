using System.Collections;

namespace Tollgate.Deployment;

/// <summary>The environments a build declares, looked up by name.</summary>
public sealed class DeploymentEnvironments : IReadOnlyList<DeploymentEnvironment>
{
    private readonly List<DeploymentEnvironment> environments;

    /// <summary>Creates the set; names must be unique and every environment valid.</summary>
    /// <exception cref="DeploymentException">A name is declared twice or an environment is invalid.</exception>
    public DeploymentEnvironments(IEnumerable<DeploymentEnvironment> environments)
    {
        ArgumentNullException.ThrowIfNull(environments);
        this.environments = [.. environments];
        foreach (var environment in this.environments)
        {
            environment.Validate();
        }

        var duplicate = this.environments.GroupBy(e => e.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DeploymentException($"The environment '{duplicate.Key}' is declared {duplicate.Count()} times; give each environment its own name.");
        }
    }

    /// <inheritdoc />
    public int Count => environments.Count;

    /// <inheritdoc />
    public DeploymentEnvironment this[int index] => environments[index];

    /// <summary>The environment with this name.</summary>
    /// <exception cref="DeploymentException">There is none; the message lists the declared ones and the closest name.</exception>
    public DeploymentEnvironment Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var found = environments.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));
        if (found is not null)
        {
            return found;
        }

        var names = environments.Select(e => e.Name).ToList();
        var closest = NameSuggestions.Closest(name, names);
        var hint = closest is null ? string.Empty : $" Did you mean '{closest}'?";
        throw new DeploymentException($"No environment is named '{name}'; the build declares: {string.Join(", ", names)}.{hint} Pass one with --environment <name>.");
    }

    /// <inheritdoc />
    public IEnumerator<DeploymentEnvironment> GetEnumerator() => environments.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
