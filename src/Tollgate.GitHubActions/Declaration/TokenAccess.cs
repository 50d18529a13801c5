namespace Tollgate.GitHubActions;

/// <summary>Access of a <c>GITHUB_TOKEN</c> permission scope.</summary>
public enum PermissionLevel
{
    /// <summary>No access.</summary>
    None,

    /// <summary>Read access.</summary>
    Read,

    /// <summary>Read and write access.</summary>
    Write,
}

/// <summary>One widened <c>GITHUB_TOKEN</c> permission of a job (every workflow defaults to <c>contents: read</c>).</summary>
/// <param name="Scope">The scope, e.g. <c>security-events</c>.</param>
/// <param name="Level">The access.</param>
public sealed record TokenAccess(string Scope, PermissionLevel Level)
{
    /// <summary>Upload SARIF to code scanning.</summary>
    public static TokenAccess SecurityEventsWrite { get; } = new("security-events", PermissionLevel.Write);

    /// <summary>Request an OIDC token (cloud login without stored secrets).</summary>
    public static TokenAccess IdTokenWrite { get; } = new("id-token", PermissionLevel.Write);

    /// <summary>Push packages and images (ghcr.io).</summary>
    public static TokenAccess PackagesWrite { get; } = new("packages", PermissionLevel.Write);

    /// <summary>Push commits and tags, create releases.</summary>
    public static TokenAccess ContentsWrite { get; } = new("contents", PermissionLevel.Write);

    /// <summary>Comment on pull requests.</summary>
    public static TokenAccess PullRequestsWrite { get; } = new("pull-requests", PermissionLevel.Write);

    /// <summary>Read workflow runs (SARIF upload in private repositories).</summary>
    public static TokenAccess ActionsRead { get; } = new("actions", PermissionLevel.Read);

    /// <summary>The level as GitHub writes it.</summary>
    internal string LevelText => Level switch
    {
        PermissionLevel.Write => "write",
        PermissionLevel.Read => "read",
        _ => "none",
    };
}
