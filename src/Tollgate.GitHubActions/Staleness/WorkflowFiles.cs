using System.Text;

namespace Tollgate.GitHubActions;

/// <summary>
/// The generated workflow files under <c>.github/workflows</c> of a root: compares them with what the graph generates,
/// writes them, or fails when they are stale. Files that start with Tollgate's header and that no declaration generates
/// any more count as stale too (and are deleted when writing); other workflow files are left alone.
/// </summary>
/// <param name="rootDirectory">The repository root.</param>
internal sealed class WorkflowFiles(AbsolutePath rootDirectory)
{
    /// <summary>The folder, relative to the root.</summary>
    public const string Folder = ".github/workflows";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The generated text of each declared workflow, by path relative to the root.</summary>
    public static IReadOnlyDictionary<string, string> GenerateAll(TargetGraph graph, IReadOnlyList<ParameterDescriptor> parameters, IEnumerable<GitHubWorkflow> workflows)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var workflow in workflows)
        {
            var path = Folder + "/" + workflow.FileName;
            if (result.ContainsKey(path))
            {
                throw new TollgateException($"Two GitHub workflows are named '{workflow.Name}'. Give each a different name (it is the file name).");
            }

            result[path] = WorkflowGenerator.Generate(graph, parameters, workflow);
        }

        return result;
    }

    /// <summary>The files that differ from the generated text, in path order.</summary>
    public IReadOnlyList<WorkflowFileChange> Compare(TargetGraph graph, IReadOnlyList<ParameterDescriptor> parameters, IEnumerable<GitHubWorkflow> workflows)
    {
        var generated = GenerateAll(graph, parameters, workflows);
        var changes = new List<WorkflowFileChange>();
        foreach (var (path, text) in generated)
        {
            var committed = Read(path);
            if (committed is null || !string.Equals(Normalize(committed), text, StringComparison.Ordinal))
            {
                changes.Add(new WorkflowFileChange(path, committed, text));
            }
        }

        foreach (var orphan in GeneratedFilesOnDisk().Where(path => !generated.ContainsKey(path)))
        {
            changes.Add(new WorkflowFileChange(orphan, Read(orphan), null));
        }

        return [.. changes.OrderBy(c => c.RelativePath, StringComparer.Ordinal)];
    }

    /// <summary>Writes the files that differ (and deletes generated files no longer declared); returns what changed.</summary>
    public IReadOnlyList<WorkflowFileChange> Write(TargetGraph graph, IReadOnlyList<ParameterDescriptor> parameters, IEnumerable<GitHubWorkflow> workflows)
    {
        var changes = Compare(graph, parameters, workflows);
        foreach (var change in changes)
        {
            var path = rootDirectory / change.RelativePath;
            if (change.Generated is null)
            {
                File.Delete(path);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path.Value)!);
            File.WriteAllText(path, change.Generated, Utf8);
        }

        return changes;
    }

    /// <summary>Throws <see cref="WorkflowsOutOfDateException"/> (with a unified diff) when any file differs.</summary>
    public void Verify(TargetGraph graph, IReadOnlyList<ParameterDescriptor> parameters, IEnumerable<GitHubWorkflow> workflows)
    {
        var changes = Compare(graph, parameters, workflows);
        if (changes.Count > 0)
        {
            throw new WorkflowsOutOfDateException(changes);
        }
    }

    private string? Read(string relativePath)
    {
        var path = rootDirectory / relativePath;
        return path.FileExists() ? File.ReadAllText(path) : null;
    }

    private IEnumerable<string> GeneratedFilesOnDisk()
    {
        var folder = rootDirectory / Folder;
        if (!folder.DirectoryExists())
        {
            return [];
        }

        return Directory.EnumerateFiles(folder)
            .Where(file => file.EndsWith(".yml", StringComparison.Ordinal) || file.EndsWith(".yaml", StringComparison.Ordinal))
            .Where(file => File.ReadLines(file).FirstOrDefault() == WorkflowGenerator.HeaderMarker)
            .Select(file => Folder + "/" + Path.GetFileName(file));
    }

    // A checkout with CRLF line ends (core.autocrlf on Windows) holds the same workflow.
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
