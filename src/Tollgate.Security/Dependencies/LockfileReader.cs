using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Security.Dependencies;

/// <summary>
/// Exact resolved packages: NuGet from every <c>obj/project.assets.json</c> (the restore graph, transitive included) and
/// npm from every <c>package-lock.json</c> (lockfile v1, v2 and v3).
/// </summary>
internal static class LockfileReader
{
    private static readonly string[] Skipped = ["node_modules", ".git", "artifacts"];

    /// <summary>All packages under <paramref name="root"/>, deduplicated per ecosystem, name, version and source.</summary>
    public static IReadOnlyList<Package> ReadAll(string root)
    {
        var packages = new List<Package>();
        foreach (var file in Find(root, "project.assets.json"))
        {
            packages.AddRange(ReadAssets(File.ReadAllText(file), Relative(root, file)));
        }

        foreach (var file in Find(root, "package-lock.json"))
        {
            packages.AddRange(ReadNpmLock(File.ReadAllText(file), Relative(root, file)));
        }

        return [.. packages.Distinct()];
    }

    /// <summary>The packages of a project.assets.json.</summary>
    public static IReadOnlyList<Package> ReadAssets(string json, string source)
    {
        var root = Parse(json, source);
        var direct = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var framework in (root["project"]?["frameworks"] as JsonObject ?? []).Select(f => f.Value))
        {
            foreach (var dependency in framework?["dependencies"] as JsonObject ?? [])
            {
                direct.Add(dependency.Key);
            }
        }

        var packages = new List<Package>();
        foreach (var target in root["targets"] as JsonObject ?? [])
        {
            foreach (var library in target.Value as JsonObject ?? [])
            {
                if (library.Value?["type"]?.GetValue<string>() != "package")
                {
                    continue;
                }

                var slash = library.Key.IndexOf('/', StringComparison.Ordinal);
                var name = library.Key[..slash];
                packages.Add(new Package("NuGet", name, library.Key[(slash + 1)..], source, direct.Contains(name)));
            }
        }

        return [.. packages.Distinct()];
    }

    /// <summary>The packages of a package-lock.json.</summary>
    public static IReadOnlyList<Package> ReadNpmLock(string json, string source)
    {
        var root = Parse(json, source);
        var packages = new List<Package>();
        if (root["packages"] is JsonObject entries)
        {
            var direct = new HashSet<string>(StringComparer.Ordinal);
            foreach (var group in new[] { "dependencies", "devDependencies", "optionalDependencies" })
            {
                foreach (var d in entries[""]?[group] as JsonObject ?? [])
                {
                    direct.Add(d.Key);
                }
            }

            foreach (var (path, entry) in entries)
            {
                var at = path.LastIndexOf("node_modules/", StringComparison.Ordinal);
                if (at < 0 || entry?["version"]?.GetValue<string>() is not { } version || entry["link"]?.GetValue<bool>() == true)
                {
                    continue;
                }

                var name = entry["name"]?.GetValue<string>() ?? path[(at + "node_modules/".Length)..];
                packages.Add(new Package("npm", name, version, source, direct.Contains(name) && path == "node_modules/" + name));
            }
        }
        else
        {
            Walk(root["dependencies"] as JsonObject, packages, source, top: true);
        }

        return [.. packages.Distinct()];
    }

    private static void Walk(JsonObject? dependencies, List<Package> packages, string source, bool top)
    {
        foreach (var (name, entry) in dependencies ?? [])
        {
            if (entry?["version"]?.GetValue<string>() is { } version)
            {
                packages.Add(new Package("npm", name, version, source, top && entry["dev"] is null));
                Walk(entry["dependencies"] as JsonObject, packages, source, top: false);
            }
        }
    }

    private static JsonNode Parse(string json, string source)
    {
        try
        {
            return JsonNode.Parse(json) ?? throw new ScanException($"{source} is empty; restore again ('dotnet restore' or 'npm install').");
        }
        catch (JsonException e)
        {
            throw new ScanException($"{source} is not valid JSON ({e.Message}); restore again ('dotnet restore' or 'npm install').", e);
        }
    }

    private static IEnumerable<string> Find(string root, string name) =>
        Directory.EnumerateFiles(root, name, new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(Skipped.Contains))
            .Order(StringComparer.Ordinal);

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');
}
