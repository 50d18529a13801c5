namespace Tollgate;

/// <summary>Well-known names for <see cref="ITargetDefinition.Exclusive"/>.</summary>
public static class BuildResources
{
    /// <summary>
    /// The repository's .NET projects: targets that restore, build, test or run them (dotnet build, test, format, run)
    /// write the same obj/ and bin/ folders and must not overlap.
    /// </summary>
    public const string DotnetProjects = "dotnet-projects";
}
