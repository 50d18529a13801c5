namespace Tollgate.GlobalTool;

/// <summary>A stage component <c>tollgate :add</c> knows: its name on the command line, interface and namespace.</summary>
/// <param name="Name">The name on the command line, e.g. <c>lint</c>.</param>
/// <param name="Interface">The component interface, e.g. <c>ILint</c>.</param>
/// <param name="Namespace">Its namespace, e.g. <c>Tollgate.Components.Lint</c>.</param>
/// <param name="Summary">One line for the help.</param>
internal sealed record Component(string Name, string Interface, string Namespace, string Summary);

/// <summary>The stage components of Tollgate.Components, by name.</summary>
internal static class ComponentCatalog
{
    /// <summary>Every component, in pipeline order.</summary>
    public static IReadOnlyList<Component> All { get; } =
    [
        new("lint", "ILint", "Tollgate.Components.Lint", "dotnet format, prompt files, YAML, shellcheck and Dockerfile rules (target Lint)"),
        new("unittest", "IUnitTest", "Tollgate.Components.Testing", "dotnet test on tests/**/*.Tests.csproj, JUnit XML and a line-coverage gate (target UnitTest)"),
        new("llmeval", "ILlmEval", "Tollgate.Components.LlmEval", "an LLM evaluation suite with gates and a baseline (target LlmEval)"),
        new("build-image", "IBuildImage", "Tollgate.Components.BuildImage", "builds, tags and pushes the container image (target BuildImage)"),
        new("scan", "IScan", "Tollgate.Components.Scan", "vulnerability, secret and configuration scans with SARIF and gates (target Scan)"),
        new("deploy-staging", "IDeployStaging", "Tollgate.Components.DeployStaging", "deploys to staging and runs smoke tests (target DeployStaging)"),
        new("blue-green-prod", "IBlueGreenProd", "Tollgate.Components.BlueGreenProd", "blue-green production rollout with analysis and rollback (target BlueGreenProd)"),
    ];

    /// <summary>The component named <paramref name="name"/> (also its interface name, e.g. <c>ILint</c>).</summary>
    /// <exception cref="TollgateException">No such component; the message names the closest one and lists them all.</exception>
    public static Component Get(string name)
    {
        var match = All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Interface, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Name.Replace("-", string.Empty, StringComparison.Ordinal), name, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return match;
        }

        var closest = NameSuggestions.Closest(name, All.Select(c => c.Name));
        var hint = closest is null ? string.Empty : $" Did you mean '{closest}'?";
        throw new TollgateException($"There is no component named '{name}'.{hint} Components: {string.Join(", ", All.Select(c => c.Name))}.");
    }
}
