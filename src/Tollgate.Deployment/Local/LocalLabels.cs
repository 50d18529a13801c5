using Tollgate.Containers;

namespace Tollgate.Deployment.Local;

/// <summary>
/// The labels that hold the local platform's state on its containers and network, so a rerun after a crash reads
/// what is running instead of trusting a file: which release (environment), which role, which image, which upstream.
/// </summary>
internal static class LocalLabels
{
    /// <summary>The release (one per environment) an object belongs to.</summary>
    public const string Release = "build.tollgate.deploy.release";

    /// <summary><c>router</c> or <c>release</c>.</summary>
    public const string Role = "build.tollgate.deploy.role";

    /// <summary>The image a release container runs (digest or image id).</summary>
    public const string Image = "build.tollgate.deploy.image";

    /// <summary>The image that served before this one (the rollback target), if any.</summary>
    public const string PreviousImage = "build.tollgate.deploy.previous-image";

    /// <summary>The version (tag) of the image.</summary>
    public const string Version = "build.tollgate.deploy.version";

    /// <summary>The container's upstream name in the router.</summary>
    public const string Upstream = "build.tollgate.deploy.upstream";

    /// <summary>When the release container was started (Unix milliseconds): the newest healthy one wins after a crash.</summary>
    public const string Started = "build.tollgate.deploy.started";

    /// <summary>The colour (<c>blue</c> or <c>green</c>) of a blue-green container (role <c>colour</c>).</summary>
    public const string Colour = "build.tollgate.deploy.colour";

    /// <summary>The router image's source hash (a changed router is replaced).</summary>
    public const string RouterHash = "build.tollgate.deploy.router-hash";

    /// <summary>The filter that selects everything of a release.</summary>
    public static string ReleaseFilter(string release) => $"{Release}={release}";

    /// <summary>The labels of an object of <paramref name="release"/> in <paramref name="role"/> (plus Tollgate's own).</summary>
    public static Dictionary<string, string> For(string release, string role, string session)
    {
        var labels = new Dictionary<string, string>(TollgateLabels.For(session, "deploy-staging"), StringComparer.Ordinal)
        {
            [Release] = release,
            [Role] = role,
        };
        return labels;
    }
}
