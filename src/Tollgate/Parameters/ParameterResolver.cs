using System.Collections.Immutable;

namespace Tollgate;

/// <summary>
/// Gives every parameter its value. Precedence, highest first:
/// <list type="number">
/// <item>the command line, <c>--kebab-case value</c>;</item>
/// <item>the environment: the exact parameter name (<c>CoverageThreshold</c>), else any variable whose letters and
/// digits match ignoring case (<c>COVERAGE_THRESHOLD</c>, <c>coverage-threshold</c>); an empty variable counts as unset;</item>
/// <item>the profile files of <c>--profile a b</c>, <c>.nuke/parameters.b.json</c> over <c>.nuke/parameters.a.json</c>
/// (later profiles win);</item>
/// <item><c>.nuke/parameters.json</c>;</item>
/// <item>the member's own default.</item>
/// </list>
/// Only the winning value is converted. Every parameter file is checked in full: an unknown key is an error naming the
/// file, the line and the closest parameter, so a typo never silently does nothing.
/// </summary>
/// <remarks>
/// The letters-and-digits match is deliberately loose so <c>GITHUB_TOKEN</c> sets <c>GitHubToken</c>; it also means a
/// parameter named like a common variable (<c>Path</c>, <c>Home</c>, <c>User</c>) picks that variable up, so give
/// such parameters a more specific name.
/// </remarks>
internal static class ParameterResolver
{
    /// <summary>The parameters file under the root directory.</summary>
    public const string ParametersFile = ".nuke/parameters.json";

    /// <summary>Keys of parameter files that belong to the engine (its own options) rather than to build parameters.</summary>
    public static ImmutableArray<string> EngineKeys { get; } = ["$schema", "Target", "Skip", "Verbosity", "Host"];

    /// <summary>Resolves every parameter from <paramref name="sources"/>.</summary>
    /// <exception cref="TollgateException">A file is malformed or names an unknown parameter, a profile is missing, or a value does not convert.</exception>
    public static ResolvedParameters Resolve(IReadOnlyList<ParameterDescriptor> descriptors, ParameterSources sources)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        ArgumentNullException.ThrowIfNull(sources);
        var files = LoadFiles(descriptors, sources);
        var resolved = new List<ResolvedParameter>(descriptors.Count);
        foreach (var descriptor in descriptors)
        {
            var (raw, source) = FindRaw(descriptor, sources, files);
            resolved.Add(raw is null
                ? new ResolvedParameter(descriptor, descriptor.DefaultValue, ParameterSource.Default)
                : new ResolvedParameter(descriptor, ParameterValueConverter.Convert(descriptor, raw, sources.RootDirectory), source, raw.Origin));
        }

        return new ResolvedParameters(resolved);
    }

    /// <summary>The parameter a command-line key (kebab-case, no dashes) sets, or null.</summary>
    public static ParameterDescriptor? FindByCommandLineKey(IEnumerable<ParameterDescriptor> descriptors, string key)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        ArgumentNullException.ThrowIfNull(key);
        var list = descriptors as IReadOnlyCollection<ParameterDescriptor> ?? [.. descriptors];
        var wanted = ParameterNames.ToLettersAndDigits(key);
        return list.FirstOrDefault(d => string.Equals(ParameterNames.ToKebabCase(d.Name), key, StringComparison.OrdinalIgnoreCase))
            ?? list.FirstOrDefault(d => ParameterNames.ToLettersAndDigits(d.Name) == wanted);
    }

    /// <summary>
    /// The command-line keys that set no parameter, each with the closest parameter flag (or null), for the CLI's
    /// "unknown option" message.
    /// </summary>
    public static ImmutableArray<(string Key, string? Suggestion)> UnknownCommandLineKeys(
        IReadOnlyList<ParameterDescriptor> descriptors, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        ArgumentNullException.ThrowIfNull(keys);
        var flags = descriptors.Select(d => ParameterNames.ToKebabCase(d.Name)).ToList();
        return [.. keys
            .Where(key => FindByCommandLineKey(descriptors, key) is null)
            .Select(key => (key, NameSuggestions.Closest(key, flags) is { } closest ? "--" + closest : null))];
    }

    /// <summary>The profile names that have a file, <c>.nuke/parameters.NAME.json</c>, sorted.</summary>
    public static ImmutableArray<string> AvailableProfiles(AbsolutePath rootDirectory)
    {
        var directory = rootDirectory / ".nuke";
        if (!directory.DirectoryExists())
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(directory, "parameters.*.json")
            .Select(file => Path.GetFileName(file)["parameters.".Length..^".json".Length])
            .Where(name => name.Length > 0)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The file of a profile: <c>.nuke/parameters.NAME.json</c>.</summary>
    public static AbsolutePath ProfileFile(AbsolutePath rootDirectory, string profile) => rootDirectory / ".nuke" / $"parameters.{profile}.json";

    private static (RawParameterValue? Raw, ParameterSource Source) FindRaw(
        ParameterDescriptor descriptor, ParameterSources sources, List<(ParameterFile File, ParameterSource Source)> files)
    {
        var commandLine = FindCommandLine(descriptor, sources.CommandLine);
        if (commandLine is not null)
        {
            return (commandLine, ParameterSource.CommandLine);
        }

        var environment = FindEnvironment(descriptor, sources.Environment);
        if (environment is not null)
        {
            return (environment, ParameterSource.Environment);
        }

        // Files are in ascending precedence: parameters.json, then each profile in order.
        for (var i = files.Count - 1; i >= 0; i--)
        {
            var (file, source) = files[i];
            var entry = file.Entries.FirstOrDefault(e => string.Equals(e.Key, descriptor.Name, StringComparison.OrdinalIgnoreCase));
            if (entry is not null && file.ToRawValue(entry) is { } raw)
            {
                return (raw, source);
            }
        }

        return (null, ParameterSource.Default);
    }

    private static RawParameterValue? FindCommandLine(ParameterDescriptor descriptor, IReadOnlyDictionary<string, IReadOnlyList<string>> commandLine)
    {
        var kebab = ParameterNames.ToKebabCase(descriptor.Name);
        if (commandLine.TryGetValue(kebab, out var exact))
        {
            return new RawParameterValue(exact, "--" + kebab);
        }

        var wanted = ParameterNames.ToLettersAndDigits(descriptor.Name);
        var match = commandLine.Where(pair => ParameterNames.ToLettersAndDigits(pair.Key) == wanted).OrderBy(pair => pair.Key, StringComparer.Ordinal).FirstOrDefault();
        return match.Key is null ? null : new RawParameterValue(match.Value, "--" + match.Key);
    }

    private static RawParameterValue? FindEnvironment(ParameterDescriptor descriptor, IReadOnlyDictionary<string, string?> environment)
    {
        if (environment.TryGetValue(descriptor.Name, out var exact) && !string.IsNullOrEmpty(exact))
        {
            return new RawParameterValue([exact], $"environment variable {descriptor.Name}", IsSingleString: true);
        }

        var wanted = ParameterNames.ToLettersAndDigits(descriptor.Name);
        var match = environment
            .Where(pair => !string.IsNullOrEmpty(pair.Value) && ParameterNames.ToLettersAndDigits(pair.Key) == wanted)
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        return match.Key is null ? null : new RawParameterValue([match.Value!], $"environment variable {match.Key}", IsSingleString: true);
    }

    private static List<(ParameterFile File, ParameterSource Source)> LoadFiles(IReadOnlyList<ParameterDescriptor> descriptors, ParameterSources sources)
    {
        var files = new List<(ParameterFile, ParameterSource)>();
        var parametersFile = sources.RootDirectory / ParametersFile;
        if (parametersFile.FileExists())
        {
            files.Add((ParameterFile.Load(parametersFile, sources.RootDirectory), ParameterSource.ParametersFile));
        }

        foreach (var profile in sources.Profiles)
        {
            if (profile.Length == 0 || profile.Contains("..", StringComparison.Ordinal) || profile.IndexOfAny(['/', '\\', ':']) >= 0)
            {
                // A profile is a name, not a path: .nuke/parameters.<name>.json is the only file it can read.
                throw new TollgateException($"Profile '{profile}' is not a profile name: use a name such as 'ci' for .nuke/parameters.ci.json (no '/', '\\' or '..').");
            }

            var path = ProfileFile(sources.RootDirectory, profile);
            if (!path.FileExists())
            {
                var available = AvailableProfiles(sources.RootDirectory);
                throw new TollgateException(
                    $"Profile '{profile}' has no file: {path.RelativeTo(sources.RootDirectory)} does not exist. " +
                    (available.IsEmpty
                        ? "There are no profiles; create that file with the parameters the profile sets."
                        : $"Available profiles: {string.Join(", ", available)}."));
            }

            files.Add((ParameterFile.Load(path, sources.RootDirectory), ParameterSource.Profile));
        }

        foreach (var (file, _) in files)
        {
            CheckKeys(file, descriptors);
        }

        return files;
    }

    private static void CheckKeys(ParameterFile file, IReadOnlyList<ParameterDescriptor> descriptors)
    {
        var names = new HashSet<string>(descriptors.Select(d => d.Name).Concat(EngineKeys), StringComparer.OrdinalIgnoreCase);
        foreach (var entry in file.Entries.Where(e => !names.Contains(e.Key)))
        {
            var closest = NameSuggestions.Closest(entry.Key, descriptors.Select(d => d.Name).Concat(EngineKeys.Skip(1)));
            var hint = closest is null ? string.Empty : $" Did you mean '{closest}'?";
            throw new TollgateException(
                $"{file.DisplayPath} line {entry.Line}: '{entry.Key}' is not a parameter of this build.{hint} " +
                $"Parameters: {string.Join(", ", descriptors.Select(d => d.Name).Order(StringComparer.OrdinalIgnoreCase))}.");
        }
    }
}
