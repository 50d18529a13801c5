using System.Text.Json;
using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;

namespace Tollgate.Security.Dependencies;

/// <summary>
/// <c>dotnet list package --vulnerable --include-transitive --format json</c> (.NET 8+) as a second advisory source:
/// NuGet's own audit data, when its source answers. The result is findings, or the reason it gave none.
/// </summary>
/// <param name="root">The repository root (the working directory).</param>
/// <param name="target">The solution or project to list, relative to the root.</param>
/// <param name="dotnet">The dotnet executable (default: <c>dotnet</c> on PATH).</param>
public sealed class NuGetVulnerableSource(string root, string target, string dotnet = "dotnet")
{
    /// <summary>Runs the command; findings with <paramref name="scanner"/> as their scanner, or the reason it did not answer.</summary>
    public async Task<(IReadOnlyList<Finding> Findings, string? NotAnswered)> QueryAsync(string scanner, CancellationToken cancellationToken)
    {
        string[] arguments = ["list", target, "package", "--vulnerable", "--include-transitive", "--format", "json"];
        BufferedCommandResult result;
        try
        {
            result = await Cli.Wrap(dotnet).WithArguments(arguments).WithWorkingDirectory(root).WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return ([], $"'{dotnet}' could not be started ({e.Message})");
        }

        var command = $"'dotnet {string.Join(' ', arguments)}'";
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(result.StandardOutput);
        }
        catch (JsonException)
        {
            json = null;
        }

        var problems = (json?["problems"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(p => p["level"]?.GetValue<string>() is "error" or "warning").Select(p => p["text"]?.GetValue<string>()).ToList();
        if (result.ExitCode != 0 || json?["projects"] is not JsonArray projects || problems.Count > 0)
        {
            var detail = problems.Count > 0 ? string.Join("; ", problems) : (result.StandardError + result.StandardOutput).Trim();
            return ([], $"{command} did not answer (exit code {result.ExitCode}: {detail[..Math.Min(300, detail.Length)]}); NuGet's audit data needs a package source that serves it");
        }

        return (Parse(projects, scanner), null);
    }

    private List<Finding> Parse(JsonArray projects, string scanner)
    {
        var findings = new List<Finding>();
        foreach (var project in projects.OfType<JsonObject>())
        {
            var path = project["path"]?.GetValue<string>() ?? target;
            var relative = Path.IsPathRooted(path) ? Path.GetRelativePath(root, path).Replace('\\', '/') : path;
            foreach (var framework in (project["frameworks"] as JsonArray ?? []).OfType<JsonObject>())
            {
                foreach (var (list, direct) in new[] { ("topLevelPackages", true), ("transitivePackages", false) })
                {
                    foreach (var package in (framework[list] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        var id = package["id"]?.GetValue<string>() ?? "?";
                        var version = package["resolvedVersion"]?.GetValue<string>() ?? "?";
                        foreach (var vulnerability in (package["vulnerabilities"] as JsonArray ?? []).OfType<JsonObject>())
                        {
                            var url = vulnerability["advisoryurl"]?.GetValue<string>() ?? string.Empty;
                            var advisory = url.TrimEnd('/').Split('/')[^1];
                            var severity = Severities.TryParse(vulnerability["severity"]?.GetValue<string>()) ?? Severity.Medium;
                            var message = $"{id} {version}{(direct ? string.Empty : " (transitive)")} in {relative} is affected by {advisory} (NuGet audit, {url}).";
                            var location = new FindingLocation(relative, 1) { Package = $"{id}@{version}" };
                            findings.Add(Finding.Create(scanner, advisory, severity, message, location, $"{id}@{version}") with { Help = $"See {url} for the fixed version; upgrade {id}{(direct ? string.Empty : " (transitive: add a direct reference to the fixed version)")}." });
                        }
                    }
                }
            }
        }

        return [.. findings.DistinctBy(f => f.Fingerprint)];
    }
}
