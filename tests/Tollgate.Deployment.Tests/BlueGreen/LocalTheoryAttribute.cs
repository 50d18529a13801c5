using Tollgate.Deployment.Tests.Local;
using Tollgate.TestSupport;

namespace Tollgate.Deployment.Tests.BlueGreen;

/// <summary>A theory that needs the Docker engine; skipped without one unless TOLLGATE_REQUIRE_TOOLS=1.</summary>
public sealed class LocalTheoryAttribute : TheoryAttribute
{
    public LocalTheoryAttribute()
    {
        Skip = LocalFactAttribute.EngineHere || RequiredTools.AreRequired ? null : "No container engine socket here (see .ci/install.d/10-docker.sh); set TOLLGATE_REQUIRE_TOOLS=1 to make this a failure.";
        Timeout = 300_000;
    }
}
