using System.Collections.Immutable;
using System.Text.Json;

namespace Tollgate;

/// <summary>
/// Engine options kept in <c>.nuke/parameters.json</c> or a profile, as NUKE allows: <c>Target</c>, <c>Skip</c>,
/// <c>Verbosity</c> and <c>Host</c>. The command line wins; later profiles win over earlier files.
/// </summary>
internal static class EngineFileOptions
{
    /// <summary>Fills the options the command line left unset from the parameter files under <paramref name="root"/>.</summary>
    /// <exception cref="TollgateException">A value has the wrong shape; the message names the file and line.</exception>
    public static CommandLineOptions Apply(CommandLineOptions options, AbsolutePath root)
    {
        ArgumentNullException.ThrowIfNull(options);
        var files = new[] { root / ".nuke" / "parameters.json" }
            .Concat(options.Profiles.Select(p => ParameterResolver.ProfileFile(root, p)))
            .Where(p => p.FileExists())
            .Select(p => ParameterFile.Load(p, root));
        foreach (var file in files.Reverse())
        {
            foreach (var entry in file.Entries)
            {
                options = entry.Key.ToUpperInvariant() switch
                {
                    "TARGET" when options.Targets.IsEmpty => options with { Targets = Strings(file, entry), TargetsOrigin = Origin(file, entry) },
                    "SKIP" when options.Skip is null => options with { Skip = Strings(file, entry), SkipOrigin = Origin(file, entry) },
                    "VERBOSITY" when options.Verbosity is null => options with { Verbosity = Parse<Verbosity>(file, entry) },
                    "HOST" when options.Host is null => options with { Host = Single(file, entry), HostOrigin = Origin(file, entry) },
                    _ => options,
                };
            }
        }

        return options;
    }

    private static string Origin(ParameterFile file, ParameterFileEntry entry) => $"{file.DisplayPath} line {entry.Line}";

    private static ImmutableArray<string> Strings(ParameterFile file, ParameterFileEntry entry) => entry.Value.ValueKind switch
    {
        JsonValueKind.String => [entry.Value.GetString()!],
        JsonValueKind.Array when entry.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
            [.. entry.Value.EnumerateArray().Select(e => e.GetString()!)],
        _ => throw Invalid(file, entry, "a target name or a list of them, e.g. [\"Lint\", \"UnitTest\"]"),
    };

    private static string Single(ParameterFile file, ParameterFileEntry entry) =>
        entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString()! : throw Invalid(file, entry, "a string");

    private static T Parse<T>(ParameterFile file, ParameterFileEntry entry)
        where T : struct, Enum =>
        Enum.TryParse<T>(Single(file, entry), ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw Invalid(file, entry, string.Join(", ", Enum.GetNames<T>()));

    private static TollgateException Invalid(ParameterFile file, ParameterFileEntry entry, string expected) =>
        new($"{file.DisplayPath} line {entry.Line}: '{entry.Key}' must be {expected}.");
}
