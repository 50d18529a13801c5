using System.Runtime.CompilerServices;

namespace Tollgate.TestSupport;

/// <summary>
/// Approved-file snapshots: the text must equal the approved file in the Approved folder next to the calling test file
/// (newlines normalized). A missing or different file fails the test and leaves a received file beside it to inspect;
/// renaming it to the approved name approves the change.
/// </summary>
public static class Approvals
{
    /// <summary>Compares <paramref name="actual"/> with <c>Approved/<paramref name="approvedFileName"/></c>.</summary>
    /// <param name="actual">The text produced by the test.</param>
    /// <param name="approvedFileName">The approved file's name, e.g. <c>Help.approved.txt</c> or <c>gitops.yml</c>.</param>
    /// <param name="describeDifference">
    /// Writes the difference for the failure message from the approved text (null when there is none yet), the actual
    /// text and the approved file's name relative to the test folder; by default the first differing line is shown.
    /// </param>
    /// <param name="callerPath">The calling test file (filled in by the compiler).</param>
    public static void Verify(
        string actual,
        string approvedFileName,
        Func<string?, string, string, string>? describeDifference = null,
        [CallerFilePath] string callerPath = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        var directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Approved");
        var approvedPath = Path.Combine(directory, approvedFileName);
        var receivedPath = Path.Combine(directory, ReceivedName(approvedFileName));
        var normalized = actual.ReplaceLineEndings("\n");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == normalized)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, normalized);
        var difference = (describeDifference ?? FirstDifference)(approved, normalized, "Approved/" + approvedFileName);
        Assert.Fail(
            $"The output differs from {approvedPath}. If the change is intended, rename {receivedPath} to {approvedFileName}." +
            $"{Environment.NewLine}{difference}");
    }

    /// <summary><c>Help.approved.txt</c> → <c>Help.received.txt</c>; <c>gitops.yml</c> → <c>gitops.received.yml</c>.</summary>
    internal static string ReceivedName(string approvedFileName) =>
        approvedFileName.Contains(".approved.", StringComparison.Ordinal)
            ? approvedFileName.Replace(".approved.", ".received.", StringComparison.Ordinal)
            : Path.GetFileNameWithoutExtension(approvedFileName) + ".received" + Path.GetExtension(approvedFileName);

    private static string FirstDifference(string? approved, string actual, string name)
    {
        if (approved is null)
        {
            return $"{name} does not exist yet.";
        }

        var expectedLines = approved.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        var expected = line < expectedLines.Length ? expectedLines[line] : "(end of file)";
        var got = line < actualLines.Length ? actualLines[line] : "(end of output)";
        return $"First difference at line {line + 1} of {name}:{Environment.NewLine}  approved: {expected}{Environment.NewLine}  actual:   {got}";
    }
}
