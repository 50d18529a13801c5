namespace Tollgate.GlobalTool;

/// <summary>Runs a repository's bootstrapper (build.sh, or build.ps1 on Windows) with the build's arguments.</summary>
internal interface IBuildScriptRunner
{
    /// <summary>Runs the bootstrapper under <paramref name="root"/> and returns its exit code.</summary>
    Task<int> RunAsync(string root, IReadOnlyList<string> args, string currentDirectory, CancellationToken cancellationToken);
}
