namespace Tollgate.Containers;

/// <summary>The host's .NET installation: where it is and which runtime and SDK versions it has.</summary>
/// <param name="Root">The install folder (<c>/usr/share/dotnet</c>).</param>
/// <param name="RuntimeVersion">The newest Microsoft.NETCore.App that has a matching Microsoft.AspNetCore.App.</param>
/// <param name="SdkVersion">The newest SDK, or null for a runtime-only install.</param>
public sealed record HostDotnet(string Root, string RuntimeVersion, string? SdkVersion)
{
    /// <summary>Finds the host's .NET: <c>DOTNET_ROOT</c>, else the folder of <c>dotnet</c> on PATH (links resolved), else <c>/usr/share/dotnet</c>.</summary>
    public static HostDotnet Locate()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root)
        {
            candidates.Add(root);
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var dotnet = new FileInfo(Path.Combine(directory, "dotnet"));
            if (dotnet.Exists)
            {
                var resolved = dotnet.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? dotnet.FullName;
                candidates.Add(Path.GetDirectoryName(resolved)!);
            }
        }

        candidates.Add("/usr/share/dotnet");
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            var runtime = Newest(Path.Combine(candidate, "shared", "Microsoft.NETCore.App"), Path.Combine(candidate, "shared", "Microsoft.AspNetCore.App"));
            if (runtime is not null && File.Exists(Path.Combine(candidate, "dotnet")))
            {
                return new HostDotnet(candidate, runtime, Newest(Path.Combine(candidate, "sdk"), null));
            }
        }

        throw new ContainerException($"No .NET with both Microsoft.NETCore.App and Microsoft.AspNetCore.App found (tried {string.Join(", ", candidates.Distinct(StringComparer.Ordinal))}); "
            + "set DOTNET_ROOT to the .NET install folder, or give base images as build arguments (SDK_IMAGE, BASE_IMAGE).");
    }

    private static string? Newest(string directory, string? alsoIn) =>
        Directory.Exists(directory)
            ? Directory.GetDirectories(directory)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(v => Version.TryParse(v.Split('-')[0], out _) && (alsoIn is null || Directory.Exists(Path.Combine(alsoIn, v))))
                .OrderByDescending(v => Version.Parse(v.Split('-')[0]))
                .ThenBy(v => v.Contains('-', StringComparison.Ordinal))
                .FirstOrDefault()
            : null;
}
