namespace Tollgate.Containers;

/// <summary>
/// The labels Tollgate sets on every container, network and image it creates, so clean-up finds exactly its own
/// objects on a shared engine: <see cref="Managed"/> on everything, <see cref="Session"/> per build run or test,
/// <see cref="Owner"/> for the stage or component that created it.
/// </summary>
public static class TollgateLabels
{
    /// <summary>Set to <c>true</c> on everything Tollgate creates.</summary>
    public const string Managed = "build.tollgate.managed";

    /// <summary>The id of the build run (or test) that created the object; clean-up removes by it.</summary>
    public const string Session = "build.tollgate.session";

    /// <summary>The stage or component that created the object (e.g. <c>build-image</c>, <c>deploy-staging</c>).</summary>
    public const string Owner = "build.tollgate.owner";

    /// <summary>
    /// The repository (build root) an image was built for, so <c>Destroy</c> removes this repository's images and no
    /// one else's on a shared engine (see <see cref="ProjectId"/>).
    /// </summary>
    public const string Project = "build.tollgate.project";

    /// <summary>A stable id for a build root: the first 12 hex digits of the SHA-256 of its full path.</summary>
    public static string ProjectId(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootDirectory));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(full)))[..12];
    }

    /// <summary>The label filter (<c>key=value</c>) that selects the images built for a build root.</summary>
    public static string ProjectFilter(string rootDirectory) => $"{Project}={ProjectId(rootDirectory)}";

    /// <summary>A new session id: short, unique, safe in names and label values.</summary>
    public static string NewSession() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>The labels for an object created in <paramref name="session"/> by <paramref name="owner"/>.</summary>
    public static IReadOnlyDictionary<string, string> For(string session, string? owner = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(session);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Managed] = "true",
            [Session] = session,
        };
        if (!string.IsNullOrWhiteSpace(owner))
        {
            labels[Owner] = owner;
        }

        return labels;
    }

    /// <summary>The label filter (<c>key=value</c>) that selects a session's objects.</summary>
    public static string SessionFilter(string session) => $"{Session}={session}";
}
