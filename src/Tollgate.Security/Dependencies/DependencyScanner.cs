namespace Tollgate.Security.Dependencies;

/// <summary>
/// Matches the exact resolved packages (NuGet project.assets.json, npm lockfiles) against OSV advisories. Without an
/// advisory source it is "not run": an empty database must never read as "no vulnerabilities".
/// </summary>
/// <param name="root">The repository root (restore first so project.assets.json exists).</param>
/// <param name="advisorySource">A directory, zip or URL of OSV advisories; null when none was given.</param>
/// <param name="http">The HTTP client for URL sources (optional).</param>
public sealed class DependencyScanner(string root, string? advisorySource, HttpClient? http = null) : IScanner
{
    /// <inheritdoc />
    public string Id => "dependencies";

    /// <summary>Extra findings from other sources (e.g. <c>dotnet list package --vulnerable</c>), merged in.</summary>
    public IReadOnlyList<Finding> AdditionalFindings { get; init; } = [];

    /// <inheritdoc />
    public async Task<ScannerResult> ScanAsync(CancellationToken cancellationToken)
    {
        if (advisorySource is null)
        {
            return ScannerResult.NotRun(Id, "no advisory source: pass --scan-advisories with a directory, zip or URL of OSV advisories (e.g. the OSV NuGet and npm exports).");
        }

        var packages = LockfileReader.ReadAll(root);
        var database = await OsvDatabase.LoadAsync(advisorySource, root, http, cancellationToken).ConfigureAwait(false);
        var rules = new Dictionary<string, RuleDescriptor>(StringComparer.Ordinal);
        var findings = new List<Finding>();
        foreach (var package in packages)
        {
            foreach (var (advisory, fixedIn) in database.Match(package))
            {
                var help = fixedIn is null ? "No fixed version is published; remove the package or accept the risk with a reason." : $"Upgrade {package.Name} to {fixedIn} or later{(package.Direct ? string.Empty : " (it is transitive: add a direct reference to the fixed version)")}.";
                rules.TryAdd(advisory.Id, new RuleDescriptor(advisory.Id, advisory.Id, advisory.Summary, help, advisory.Severity));
                var aliases = advisory.Aliases.Count == 0 ? string.Empty : $" ({string.Join(", ", advisory.Aliases)})";
                var message = $"{package.Name} {package.Version}{(package.Direct ? string.Empty : " (transitive)")} is affected by {advisory.Id}{aliases}: {advisory.Summary}. {(fixedIn is null ? "No fixed version." : $"Fixed in {fixedIn}.")}";
                var location = new FindingLocation(package.Source, 1) { Package = $"{package.Name}@{package.Version}" };
                findings.Add(Finding.Create(Id, advisory.Id, advisory.Severity, message, location, $"{package.Name}@{package.Version}") with { Help = help, FixedVersion = fixedIn });
            }
        }

        var all = findings.Concat(AdditionalFindings).DistinctBy(f => f.Fingerprint).ToList();
        return ScannerResult.Ran(Id, [.. rules.Values], all, packages.Count, $"{packages.Count} package(s), {database.Advisories.Count} advisories from {advisorySource}");
    }
}
