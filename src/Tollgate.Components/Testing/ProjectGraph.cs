using System.Xml;
using System.Xml.Linq;
using Tollgate.Components.Lint;

namespace Tollgate.Components.Testing;

/// <summary>
/// The repository's projects and their <c>ProjectReference</c>s, read from the <c>.csproj</c> files; paths are relative
/// to the root with '/'. Used to find the test projects a change can affect.
/// </summary>
internal sealed class ProjectGraph
{
    private readonly Dictionary<string, IReadOnlyList<string>> _references;
    private readonly Dictionary<string, List<string>> _dependents;

    private ProjectGraph(Dictionary<string, IReadOnlyList<string>> references)
    {
        _references = references;
        _dependents = references.Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (project, referenced) in references)
        {
            foreach (var reference in referenced.Where(_dependents.ContainsKey))
            {
                _dependents[reference].Add(project);
            }
        }
    }

    /// <summary>Every project, relative to the root, in ordinal order.</summary>
    public IReadOnlyList<string> Projects => [.. _references.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The projects a project references directly.</summary>
    public IReadOnlyList<string> ReferencesOf(string project) => _references.TryGetValue(project, out var references) ? references : [];

    /// <summary>Reads every <c>.csproj</c> under the root (not in bin/obj/node_modules).</summary>
    /// <exception cref="TollgateException">A project file is not valid XML.</exception>
    public static ProjectGraph Load(string rootDirectory)
    {
        var root = Path.GetFullPath(rootDirectory);
        var references = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (fullPath, relativePath) in LintFiles.Find(root, ["**/*.csproj"]))
        {
            XDocument document;
            try
            {
                document = XDocument.Load(fullPath);
            }
            catch (XmlException exception)
            {
                throw new TollgateException($"{relativePath}:{exception.LineNumber}: the project file is not valid XML: {exception.Message}", exception);
            }

            var directory = Path.GetDirectoryName(fullPath)!;
            references[relativePath] = [.. document.Descendants()
                .Where(e => e.Name.LocalName == "ProjectReference")
                .Select(e => (string?)e.Attribute("Include"))
                .OfType<string>()
                .Select(include => LintFiles.Relative(root, Path.GetFullPath(Path.Combine(directory, include.Replace('\\', '/')))))
                .Distinct(StringComparer.Ordinal)];
        }

        return new ProjectGraph(references);
    }

    /// <summary>The project whose folder holds the file (the deepest one), or null for files outside every project.</summary>
    /// <param name="file">A path relative to the root.</param>
    public string? OwnerOf(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var normalized = file.Replace('\\', '/');
        if (_references.ContainsKey(normalized))
        {
            return normalized;
        }

        return _references.Keys
            .Select(project => (project, directory: DirectoryOf(project)))
            .Where(p => p.directory.Length == 0 || normalized.StartsWith(p.directory + "/", StringComparison.Ordinal))
            .OrderByDescending(p => p.directory.Length)
            .Select(p => p.project)
            .FirstOrDefault();
    }

    /// <summary>The projects whose folder is at or below a folder (relative to the root; empty for the root).</summary>
    public IReadOnlyList<string> ProjectsUnder(string directory)
    {
        var prefix = directory.Trim('/');
        return [.. Projects.Where(p => prefix.Length == 0 || p.StartsWith(prefix + "/", StringComparison.Ordinal))];
    }

    /// <summary>The given projects and every project that references one of them, directly or transitively.</summary>
    public IReadOnlySet<string> WithDependents(IEnumerable<string> projects)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(projects);
        while (queue.Count > 0)
        {
            var project = queue.Dequeue();
            if (!found.Add(project))
            {
                continue;
            }

            foreach (var dependent in _dependents.GetValueOrDefault(project) ?? [])
            {
                queue.Enqueue(dependent);
            }
        }

        return found;
    }

    private static string DirectoryOf(string project)
    {
        var slash = project.LastIndexOf('/');
        return slash < 0 ? string.Empty : project[..slash];
    }
}
