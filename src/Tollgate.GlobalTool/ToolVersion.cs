using System.Reflection;

namespace Tollgate.GlobalTool;

/// <summary>The tool's own version (from git tags through MinVer), also the default version of the packages :setup references.</summary>
internal static class ToolVersion
{
    /// <summary>The informational version without the commit suffix, e.g. <c>1.2.0</c> or <c>1.2.1-alpha.0.3</c>.</summary>
    public static string Current { get; } =
        (typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
