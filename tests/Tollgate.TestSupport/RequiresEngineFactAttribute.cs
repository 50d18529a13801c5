namespace Tollgate.TestSupport;

/// <summary>
/// A fact that needs a container engine (Docker or Podman): skipped with the reason when no engine socket is here,
/// unless TOLLGATE_REQUIRE_TOOLS=1 (CI), where it runs and fails. At most 10 minutes a test.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresEngineFactAttribute : FactAttribute
{
    /// <summary>Skips without an engine; sets the per-test timeout.</summary>
    public RequiresEngineFactAttribute()
    {
        Skip = RequiredTools.EngineSkipReason;
        Timeout = RequiredTools.EngineTestTimeoutMs;
    }

    /// <summary>Also needs <paramref name="tool"/> on PATH (e.g. docker-registry), skipped or failed as <see cref="RequiresToolFactAttribute"/>.</summary>
    public RequiresEngineFactAttribute(string tool)
        : this()
    {
        Skip ??= RequiredTools.SkipReason(tool, "bash .ci/install.d/10-docker.sh");
    }
}

/// <summary>A theory that needs a container engine, skipped or failed as <see cref="RequiresEngineFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresEngineTheoryAttribute : TheoryAttribute
{
    /// <summary>Skips without an engine; sets the per-test timeout.</summary>
    public RequiresEngineTheoryAttribute()
    {
        Skip = RequiredTools.EngineSkipReason;
        Timeout = RequiredTools.EngineTestTimeoutMs;
    }
}
