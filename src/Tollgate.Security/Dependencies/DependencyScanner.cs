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

    /// <summary><c>dotnet list package --vulnerable</c> as a second source, used when it answers (null: not asked).</summary>
    public NuGetVulnerableSource? NuGetAudit { get; init; }

    /// <inheritdoc />
    public async Task<ScannerResult> ScanAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Finding> audit = [];
        string? auditNote = null;
        if (NuGetAudit is not null)
        {
            (audit, var notAnswered) = await NuGetAudit.QueryAsync(Id, cancellationToken).ConfigureAwait(false);
            auditNote = notAnswered is null ? $"; dotnet list package --vulnerable: {audit.Count} finding(s)" : $"; dotnet list package --vulnerable not run: {notAnswered}";
        }

        if (advisorySource is null)
        {
            const string none = "no advisory source: pass --scan-advisories with a directory, zip or URL of OSV advisories (e.g. the OSV NuGet and npm exports)";
            return NuGetAudit is null || auditNote!.Contains("not run", StringComparison.Ordinal)
                ? ScannerResult.NotRun(Id, none + (auditNote ?? string.Empty) + ".")
                : ScannerResult.Ran(Id, [.. audit.Select(f => new RuleDescriptor(f.RuleId, f.RuleId, f.Message, f.Help ?? string.Empty, f.Severity)).DistinctBy(r => r.Id)], [.. audit.Concat(AdditionalFindings).DistinctBy(f => f.Fingerprint)], audit.Count, "NuGet audit only (no OSV source)" + auditNote);
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

        var merged = MergeAudit(audit, findings, database);
        foreach (var finding in merged)
        {
            rules.TryAdd(finding.RuleId, new RuleDescriptor(finding.RuleId, finding.RuleId, finding.Message, finding.Help ?? string.Empty, finding.Severity));
        }

        var all = findings.Concat(merged).Concat(AdditionalFindings).DistinctBy(f => f.Fingerprint).ToList();
        return ScannerResult.Ran(Id, [.. rules.Values], all, packages.Count, $"{packages.Count} package(s), {database.Advisories.Count} advisories from {advisorySource}{auditNote}");
    }

    // NuGet's audit names the advisory and the package but no fixed version: an OSV finding for the same package and
    // advisory (by id or alias) already says it, so the audit's is dropped; otherwise the fixed version comes from the
    // OSV record of that advisory when there is one.
    private static List<Finding> MergeAudit(IReadOnlyList<Finding> audit, List<Finding> osv, OsvDatabase database)
    {
        var merged = new List<Finding>();
        foreach (var finding in audit)
        {
            var package = finding.Location.Package ?? string.Empty;
            var at = package.LastIndexOf('@');
            if (at <= 0)
            {
                merged.Add(finding);
                continue;
            }

            var (name, version) = (package[..at], package[(at + 1)..]);
            var match = database.Match(new Package("NuGet", name, version, finding.Location.Path ?? string.Empty, Direct: true))
                .FirstOrDefault(m => m.Advisory.Id == finding.RuleId || m.Advisory.Aliases.Contains(finding.RuleId, StringComparer.OrdinalIgnoreCase));
            if (match.Advisory is null)
            {
                merged.Add(finding);
            }
            else if (!osv.Any(f => f.RuleId == match.Advisory.Id && string.Equals(f.Location.Package, package, StringComparison.OrdinalIgnoreCase)))
            {
                merged.Add(match.FixedIn is { } fixedIn
                    ? finding with { FixedVersion = fixedIn, Message = $"{finding.Message} Fixed in {fixedIn}.", Help = $"Upgrade {name} to {fixedIn} or later." }
                    : finding);
            }
        }

        return merged;
    }
}
