using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Tollgate;

/// <summary>
/// Remembers which targets succeeded in a failed build so <c>--continue</c> can resume it. A resume only applies when
/// the invocation (targets, skips and parameter values) is the same as the failed one.
/// </summary>
/// <param name="path">The state file, normally <c>.nuke/temp/continue.json</c>.</param>
internal sealed class ContinueState(AbsolutePath path)
{
    /// <summary>A stable hash of an invocation.</summary>
    public static string InvocationHash(IEnumerable<string> invoked, IReadOnlyList<string>? skip, string parameterFingerprint)
    {
        ArgumentNullException.ThrowIfNull(invoked);
        var text = $"targets:{string.Join(',', invoked)}\nskip:{(skip is null ? "-" : string.Join(',', skip))}\nparameters:{parameterFingerprint}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The targets that succeeded in the last failed run of the same invocation, or null when there is none.</summary>
    public IReadOnlySet<string>? TryLoad(string invocationHash, out string? mismatch)
    {
        mismatch = null;
        if (!path.FileExists())
        {
            mismatch = "there is no failed run to continue";
            return null;
        }

        Record? record;
        try
        {
            record = JsonSerializer.Deserialize<Record>(File.ReadAllText(path), StateJson.Options);
        }
        catch (JsonException e)
        {
            throw new TollgateException($"{path}:{(e.LineNumber ?? 0) + 1}: the state of the last failed run is damaged ({e.Message}); delete the file and run without --continue");
        }

        if (record is null || record.Invocation != invocationHash)
        {
            mismatch = "the targets, skips or parameter values differ from the failed run";
            return null;
        }

        return record.Succeeded.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Saves the outcome: a failed build keeps its successes for <c>--continue</c>; a successful one clears the state.</summary>
    public void Save(string invocationHash, BuildReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Succeeded)
        {
            if (path.FileExists())
            {
                File.Delete(path);
            }

            return;
        }

        var succeeded = report.Targets
            .Where(t => t.Status is TargetStatus.Succeeded or TargetStatus.UpToDate or TargetStatus.Collective
                || (t.Status == TargetStatus.Skipped && t.Note == ExecutionNotes.ContinuedSuccess))
            .Select(t => t.Name);
        path.Parent.CreateDirectory();
        File.WriteAllText(path, JsonSerializer.Serialize(new Record(invocationHash, [.. succeeded]), StateJson.Options));
    }

    private sealed record Record(string Invocation, List<string> Succeeded);
}
