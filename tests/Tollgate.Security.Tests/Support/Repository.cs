using System.Diagnostics;

namespace Tollgate.Security.Tests.Support;

/// <summary>The repository root (holding Tollgate.slnx), the shared schemas beside it, and the ajv validator.</summary>
internal static class Repository
{
    public static string Root => Tollgate.TestSupport.RepositoryRoot.Path;

    /// <summary>
    /// The official schemas: ../shared/schemas beside the checkout, or beside the nearest folder above it that has one
    /// (the workflow proof runs each job in a clone deep inside the checkout).
    /// </summary>
    public static string Schemas => FindSchemas() ?? throw new DirectoryNotFoundException(MissingSchemas);

    /// <summary>Why a schema test is skipped (no ../shared/schemas here, outside CI), or null when it must run.</summary>
    public static string? SchemasSkipReason =>
        FindSchemas() is null && !Tollgate.TestSupport.RequiredTools.AreRequired
            ? MissingSchemas + " Set TOLLGATE_REQUIRE_TOOLS=1 to make this a failure."
            : null;

    private static string MissingSchemas =>
        $"No shared/schemas folder beside {Root} or any folder above it: the SARIF and CycloneDX schemas are read from ../shared/schemas.";

    /// <summary>Validates files against a schema in ../shared/schemas with ajv (tools/ajv); returns the exit code and output.</summary>
    public static (int ExitCode, string Output) Validate(string schema, params string[] files)
    {
        var tool = Path.Combine(Root, "tools", "ajv");
        if (!Directory.Exists(Path.Combine(tool, "node_modules", "ajv")))
        {
            Run("npm", tool, "ci", "--no-audit", "--no-fund");
        }

        return Run("node", tool, [Path.Combine(tool, "validate.mjs"), Path.Combine(Schemas, schema), .. files]);
    }

    public static (int ExitCode, string Output) Run(string file, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in 3 minutes.");
        }

        return (process.ExitCode, output + error.Result);
    }

    private static string? FindSchemas()
    {
        for (var directory = new DirectoryInfo(Root).Parent; directory is not null; directory = directory.Parent)
        {
            var schemas = Path.Combine(directory.FullName, "shared", "schemas");
            if (Directory.Exists(schemas))
            {
                return schemas;
            }
        }

        return null;
    }
}
