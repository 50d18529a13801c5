using Tollgate.Components.BuildImage;

namespace Tollgate.Components.TestBuild;

/// <summary>
/// The Build stage as a repository's build program composes it, with build/Build.cs's Destroy for its part: run by the
/// component tests as a child process, so SIGINT and the local registry outliving the Build process are real.
/// </summary>
public sealed class StageBuild : TollgateBuild, IBuildImage
{
    /// <summary>As in build/Build.cs: stops the local registry Build started and removes the images Build made.</summary>
    public Target Destroy => _ => _
        .DependsOn<IBuildImage>(x => x.DestroyRegistry)
        .DependsOn<IBuildImage>(x => x.DestroyImages);

    /// <summary>The entry point (no default target: the tests name one).</summary>
    public static int Main(string[] args) => Execute<StageBuild>(args);
}
