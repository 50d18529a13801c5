using System.Runtime.CompilerServices;

namespace Tollgate.Tests.Hosts;

/// <summary>
/// Approved-file snapshots: the text must equal Approved/NAME.approved.txt (newlines normalized). A missing or different
/// file fails the test and leaves Approved/NAME.received.txt to inspect and rename.
/// </summary>
internal static class Approvals
{
    public static void Verify(string actual, string name, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Approved");
        var approvedPath = Path.Combine(directory, name + ".approved.txt");
        var receivedPath = Path.Combine(directory, name + ".received.txt");
        var normalized = actual.ReplaceLineEndings("\n");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == normalized)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, normalized);
        normalized.Should().Be(approved, $"the output must match {approvedPath}; compare it with {receivedPath} and rename that file if the change is intended");
    }
}
