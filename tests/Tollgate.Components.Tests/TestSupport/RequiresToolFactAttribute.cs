namespace Tollgate.Components.Tests.TestSupport;

/// <summary>
/// A fact that needs an external tool (e.g. shellcheck). When the tool is missing the test is skipped with the reason,
/// unless TOLLGATE_REQUIRE_TOOLS=1 (CI), where it runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool)
    {
        Tool = tool;
        var required = Environment.GetEnvironmentVariable("TOLLGATE_REQUIRE_TOOLS") == "1";
        if (Processes.Tools.TryFind(tool) is null && !required)
        {
            Skip = $"{tool} is not installed (apt-get install {tool}); set TOLLGATE_REQUIRE_TOOLS=1 to make this a failure.";
        }
    }

    public string Tool { get; }
}
