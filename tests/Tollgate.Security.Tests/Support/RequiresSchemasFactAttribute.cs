using Tollgate.TestSupport;

namespace Tollgate.Security.Tests.Support;

/// <summary>
/// A fact that validates files against the official schemas in ../shared/schemas with ajv (node). Outside CI it is
/// skipped with the reason when node or the schemas are missing (a clone without ../shared beside it); in CI
/// (TOLLGATE_REQUIRE_TOOLS=1) it runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresSchemasFactAttribute : FactAttribute
{
    public RequiresSchemasFactAttribute() =>
        Skip = RequiredTools.SkipReason("node", "apt-get install nodejs npm") ?? Repository.SchemasSkipReason;
}
