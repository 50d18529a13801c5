using System.Runtime.CompilerServices;

namespace Tollgate.GitHubActions.Tests.TestSupport;

/// <summary>
/// Approved-file snapshots of generated workflows: the text must equal Approved/NAME.yml. A missing or different file
/// fails the test with a unified diff and leaves Approved/NAME.received.yml to inspect (rename it to approve).
/// </summary>
internal static class Approvals
{
    public static void Verify(string actual, string name, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Approved");
        var approvedPath = Path.Combine(directory, name + ".yml");
        var receivedPath = Path.Combine(directory, name + ".received.yml");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, actual);
        var diff = UnifiedDiff.Create(approved, actual, "Approved/" + name + ".yml");
        Assert.Fail($"The generated workflow differs from {approvedPath}. If the change is intended, rename {receivedPath} to {name}.yml.{Environment.NewLine}{diff}");
    }
}
