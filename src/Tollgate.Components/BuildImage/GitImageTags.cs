using System.Text;
using System.Text.RegularExpressions;

namespace Tollgate.Components.BuildImage;

/// <summary>Where the commit being built comes from: its sha, branch, tag, pull request and the default branch.</summary>
/// <param name="Sha">The full commit sha.</param>
/// <param name="Branch">The branch name, or null on a detached head or a tag build.</param>
/// <param name="Tag">The git tag on the commit (<c>v1.2.3</c>), or null.</param>
/// <param name="PullRequest">The pull request number on GitHub, or null.</param>
/// <param name="DefaultBranch">The repository's default branch (<c>main</c>).</param>
/// <param name="SourceUrl">The repository's URL, or null.</param>
internal sealed record GitRevision(string Sha, string? Branch, string? Tag, int? PullRequest, string DefaultBranch, string? SourceUrl);

/// <summary>
/// Image tags from git, as docker/metadata-action makes them: the short sha, the branch slug, <c>pr-N</c> for a pull
/// request, for a tag <c>v1.2.3</c> the tags <c>1.2.3</c>, <c>1.2</c> and <c>1</c> (a pre-release only its full
/// version), and <c>latest</c> only from the default branch.
/// </summary>
internal static partial class GitImageTags
{
    /// <summary>The tags for <paramref name="revision"/>, most specific first, without duplicates.</summary>
    public static IReadOnlyList<string> For(GitRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var tags = new List<string>();
        if (revision.Tag is { } tag && SemVer().Match(tag) is { Success: true } version)
        {
            var (major, minor, patch, pre) = (version.Groups["major"].Value, version.Groups["minor"].Value, version.Groups["patch"].Value, version.Groups["pre"].Value);
            tags.Add(pre.Length == 0 ? $"{major}.{minor}.{patch}" : Slug($"{major}.{minor}.{patch}-{pre}"));
            if (pre.Length == 0)
            {
                tags.Add($"{major}.{minor}");
                tags.Add(major);
            }
        }
        else if (revision.Tag is { } other)
        {
            tags.Add(Slug(other));
        }

        if (revision.PullRequest is { } number)
        {
            tags.Add($"pr-{number}");
        }

        if (revision.Branch is { Length: > 0 } branch && revision.PullRequest is null)
        {
            tags.Add(Slug(branch));
        }

        tags.Add(ShortSha(revision.Sha));
        if (revision.PullRequest is null && revision.Branch == revision.DefaultBranch)
        {
            tags.Add("latest");
        }

        return tags.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The version for the OCI label: the tag's version, else <c>0.0.0-&lt;branch&gt;.&lt;sha&gt;</c>.</summary>
    public static string Version(GitRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        return revision.Tag is { } tag && SemVer().Match(tag) is { Success: true } version
            ? version.Value.TrimStart('v', 'V')
            : $"0.0.0-{Slug(revision.Branch ?? "detached")}.{ShortSha(revision.Sha)}";
    }

    /// <summary>The first 7 characters of a sha.</summary>
    public static string ShortSha(string sha) => sha.Length > 7 ? sha[..7] : sha;

    /// <summary>A valid tag from any text: lower case, <c>[a-z0-9._-]</c>, no leading dot or dash, at most 128 characters.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            slug.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '_' or '-' ? c : '-');
        }

        var result = Dashes().Replace(slug.ToString(), "-").Trim('-', '.');
        result = result.Length > 128 ? result[..128].TrimEnd('-', '.') : result;
        return result.Length == 0 ? "untitled" : result;
    }

    [GeneratedRegex(@"^[vV]?(?<major>0|[1-9]\d*)\.(?<minor>0|[1-9]\d*)\.(?<patch>0|[1-9]\d*)(?:-(?<pre>[0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemVer();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Dashes();
}
