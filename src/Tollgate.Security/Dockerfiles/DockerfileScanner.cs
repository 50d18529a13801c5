using Microsoft.Extensions.FileSystemGlobbing;

namespace Tollgate.Security.Dockerfiles;

/// <summary>Scans the Dockerfiles under a root with <see cref="DockerfileRules"/>.</summary>
/// <param name="root">The repository root.</param>
/// <param name="globs">Which files are Dockerfiles (default <c>**/Dockerfile</c>, <c>**/*.Dockerfile</c>, <c>**/Dockerfile.*</c>).</param>
public sealed class DockerfileScanner(string root, IReadOnlyList<string>? globs = null) : IScanner
{
    private static readonly string[] Skipped = ["**/bin/**", "**/obj/**", "**/node_modules/**", "**/.git/**", "artifacts/**", ".nuke/**"];

    /// <inheritdoc />
    public string Id => "dockerfile";

    /// <summary>The Dockerfiles found, relative to the root.</summary>
    public IReadOnlyList<string> Files()
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(globs ?? ["**/Dockerfile", "**/*.Dockerfile", "**/Dockerfile.*"]);
        matcher.AddExcludePatterns(Skipped);
        return [.. matcher.GetResultsInFullPath(root).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public Task<ScannerResult> ScanAsync(CancellationToken cancellationToken)
    {
        var files = Files();
        var findings = files.SelectMany(file => DockerfileRules.Check(File.ReadAllText(Path.Combine(root, file)))
            .Select(i => Finding.Create(Id, i.Rule.Id, i.Rule.Severity, i.Message, new FindingLocation(file, i.Line), i.Evidence) with { Help = i.Rule.Help })).ToList();
        return Task.FromResult(ScannerResult.Ran(Id, DockerfileRules.All, findings, files.Count, files.Count == 0 ? "no Dockerfiles found" : null));
    }
}
