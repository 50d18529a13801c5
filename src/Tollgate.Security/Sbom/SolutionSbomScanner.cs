using System.Text.Json;
using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;

namespace Tollgate.Security.Sbom;

/// <summary>
/// The solution's CycloneDX 1.5 SBOM through the CycloneDX dotnet tool (a local tool: <c>dotnet tool restore</c>),
/// written to the output folder, and its components' licences checked against a <see cref="LicensePolicy"/>.
/// </summary>
/// <param name="root">The repository root (holds .config/dotnet-tools.json).</param>
/// <param name="solution">The solution or project, relative to the root.</param>
/// <param name="outputDirectory">Where <c>solution.cdx.json</c> goes.</param>
/// <param name="policy">The licence lists.</param>
public sealed class SolutionSbomScanner(string root, string solution, string outputDirectory, LicensePolicy policy) : IScanner
{
    /// <summary>The BOM's file name.</summary>
    public const string FileName = "solution.cdx.json";

    /// <inheritdoc />
    public string Id => "sbom";

    /// <inheritdoc />
    public async Task<ScannerResult> ScanAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Directory.CreateDirectory(outputDirectory);
        var arguments = new[] { "tool", "run", "dotnet-CycloneDX", "--", solution, "-o", outputDirectory, "-fn", FileName, "-F", "Json", "-spv", "1.5", "-t", "-dhc" };
        var result = await Cli.Wrap("dotnet").WithArguments(arguments).WithWorkingDirectory(root).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
        var bomPath = Path.Combine(outputDirectory, FileName);
        if (!result.IsSuccess || !File.Exists(bomPath))
        {
            var output = (result.StandardError + result.StandardOutput).Trim();
            return ScannerResult.NotRun(Id, $"'dotnet {string.Join(' ', arguments)}' failed with exit code {result.ExitCode}: {output[..Math.Min(400, output.Length)]}. Run 'dotnet tool restore' (the tool is in .config/dotnet-tools.json).");
        }

        JsonNode bom;
        try
        {
            bom = JsonNode.Parse(await File.ReadAllTextAsync(bomPath, cancellationToken).ConfigureAwait(false))!;
        }
        catch (JsonException e)
        {
            return ScannerResult.NotRun(Id, $"{bomPath} is not JSON ({e.Message}).");
        }

        var relative = Path.GetRelativePath(root, bomPath).Replace('\\', '/');
        var components = (bom["components"] as JsonArray)?.Count ?? 0;
        return ScannerResult.Ran(Id, LicensePolicy.Rules, policy.Check(bom, Id, relative), components, $"{components} component(s) in {relative}");
    }
}
