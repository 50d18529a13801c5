namespace Tollgate.TestSupport;

/// <summary>
/// A fact that needs an external tool on PATH (helm, docker-registry, shellcheck...). When the tool is missing the test
/// is skipped with the reason, unless TOLLGATE_REQUIRE_TOOLS=1 (CI), where it runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolFactAttribute : FactAttribute
{
    /// <summary>Needs <paramref name="tool"/>; <paramref name="installHint"/> says how to get it.</summary>
    public RequiresToolFactAttribute(string tool, string installHint = "see .ci/install.d")
    {
        Tool = tool;
        Skip = RequiredTools.SkipReason(tool, installHint);
    }

    /// <summary>The tool's executable name.</summary>
    public string Tool { get; }
}
