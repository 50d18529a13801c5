namespace Tollgate.GlobalTool;

/// <summary>What <c>tollgate :setup</c> creates, from its flags (and answers, when it asks).</summary>
internal sealed record SetupOptions
{
    /// <summary>The repository root (<c>--root</c>, default: the current directory).</summary>
    public required string Root { get; init; }

    /// <summary>The build project's folder, relative to the root (<c>--build-dir</c>, default <c>build</c>).</summary>
    public string? BuildDirectory { get; init; }

    /// <summary>The build project's name (<c>--project-name</c>, default <c>_build</c>).</summary>
    public string? ProjectName { get; init; }

    /// <summary>The version of the Tollgate packages (<c>--tollgate-version</c>, default: this tool's version).</summary>
    public string? TollgateVersion { get; init; }

    /// <summary>The SDK version written to a new global.json (<c>--sdk-version</c>, default: the SDK dotnet reports in the root).</summary>
    public string? SdkVersion { get; init; }

    /// <summary>The first target's name (<c>--target</c>, default <c>Compile</c>).</summary>
    public string? DefaultTarget { get; init; }

    /// <summary>The solution or project the first target compiles (<c>--solution</c>, default: the only *.sln/*.slnx at the root).</summary>
    public string? Solution { get; init; }

    /// <summary>Components to add right away (<c>--components lint,unittest</c>).</summary>
    public IReadOnlyList<string> Components { get; init; } = [];

    /// <summary><c>--yes</c>: ask nothing, use the defaults for what the flags leave out.</summary>
    public bool Yes { get; init; }

    /// <summary>Parses the flags after <c>:setup</c>.</summary>
    /// <exception cref="TollgateException">An unknown flag or a flag without its value.</exception>
    public static SetupOptions Parse(IReadOnlyList<string> args, string currentDirectory)
    {
        var options = new SetupOptions { Root = currentDirectory };
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            if (flag is "--yes" or "-y")
            {
                options = options with { Yes = true };
                continue;
            }

            var value = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new TollgateException($":setup {flag} needs a value. See tollgate :setup --help.");
            options = flag switch
            {
                "--root" => options with { Root = Path.GetFullPath(value, currentDirectory) },
                "--build-dir" => options with { BuildDirectory = value },
                "--project-name" => options with { ProjectName = value },
                "--tollgate-version" => options with { TollgateVersion = value },
                "--sdk-version" => options with { SdkVersion = value },
                "--target" => options with { DefaultTarget = value },
                "--solution" => options with { Solution = value },
                "--components" => options with { Components = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] },
                _ => throw new TollgateException($"Unknown option {flag} for :setup.{Hint(flag)} See tollgate :setup --help."),
            };
        }

        return options;
    }

    private static string Hint(string flag)
    {
        string[] flags = ["--root", "--build-dir", "--project-name", "--tollgate-version", "--sdk-version", "--target", "--solution", "--components", "--yes"];
        return NameSuggestions.Closest(flag, flags) is { } closest ? $" Did you mean {closest}?" : string.Empty;
    }
}
