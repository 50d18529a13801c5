using Tollgate.Components.BlueGreenProd;
using Tollgate.Components.BuildImage;
using Tollgate.Deployment.BlueGreen;

namespace Tollgate.Components.Tests.BlueGreenProd;

/// <summary>A build composing IBlueGreenProd (and IBuildImage, whose Build it runs after, as the repository's build does) whose platform is supplied by the test (the real one needs Docker or a cluster).</summary>
public sealed class BlueGreenBuild(IBlueGreenPlatform? platform) : TollgateBuild, IBuildImage, IBlueGreenProd
{
    Task<IBlueGreenPlatform> IBlueGreenProd.CreateBlueGreenPlatformAsync(CancellationToken cancellationToken) =>
        platform is null ? BlueGreenProdStage.CreatePlatformAsync(this, cancellationToken) : Task.FromResult(platform);
}
