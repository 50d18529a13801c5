using System.Text.RegularExpressions;

namespace Tollgate.Deployment.Router;

/// <summary>Upstream names: lower-case letters, digits and dashes (blue, green, a container name).</summary>
public static partial class UpstreamName
{
    /// <summary>Whether <paramref name="name"/> is a valid upstream name.</summary>
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    /// <summary>The YARP cluster id of an upstream.</summary>
    public static string ClusterId(string name) => "upstream-" + name;

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex Pattern();
}
