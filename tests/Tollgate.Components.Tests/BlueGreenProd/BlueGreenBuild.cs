using Tollgate.Components.BlueGreenProd;
using Tollgate.Deployment.BlueGreen;

namespace Tollgate.Components.Tests.BlueGreenProd;

/// <summary>A build composing IBlueGreenProd whose platform is supplied by the test (the real one needs Docker or a cluster).</summary>
public sealed class BlueGreenBuild(IBlueGreenPlatform? platform) : TollgateBuild, IBlueGreenProd
{
    Task<IBlueGreenPlatform> IBlueGreenProd.CreateBlueGreenPlatformAsync(CancellationToken cancellationToken) =>
        platform is null ? BlueGreenProdStage.CreatePlatformAsync(this, cancellationToken) : Task.FromResult(platform);
}
