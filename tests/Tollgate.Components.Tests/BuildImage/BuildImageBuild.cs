using Tollgate.Components.BuildImage;

namespace Tollgate.Components.Tests.BuildImage;

/// <summary>A build that composes the Build stage, with the repository build's Destroy target (build/Build.cs) for its part.</summary>
public sealed class BuildImageBuild : TollgateBuild, IBuildImage
{
    /// <summary>As in build/Build.cs: stops the local registry Build started and removes the images Build made.</summary>
    public Target Destroy => _ => _
        .DependsOn<IBuildImage>(x => x.DestroyRegistry)
        .DependsOn<IBuildImage>(x => x.DestroyImages);
}
