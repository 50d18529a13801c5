using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Tollgate;

/// <summary>
/// Remembers, per target, a fingerprint of its last success: the content of its input files, the parameter values it
/// sees and its definition (declaration and the IL of its actions), plus hashes of its outputs. A target whose
/// fingerprint matches and whose outputs are unchanged is UpToDate. State lives in <c>.nuke/temp/state</c>.
/// </summary>
/// <param name="root">The repository root the globs are relative to.</param>
/// <param name="stateDirectory">Where state files are kept.</param>
/// <param name="parameterFingerprint">Returns the fingerprint of the parameter values a target sees.</param>
internal sealed class IncrementalState(AbsolutePath root, AbsolutePath stateDirectory, Func<TargetSpec, string> parameterFingerprint)
{
    /// <summary>Computes the fingerprint of a target now.</summary>
    public string Fingerprint(TargetSpec target)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));

        Add("definition");
        Add(target.Name);
        foreach (var part in target.Inputs.Concat(["|"]).Concat(target.Outputs).Concat(["|"]).Concat(target.DependsOn))
        {
            Add(part);
        }

        foreach (var method in target.ActionMethods)
        {
            Add($"{method.DeclaringType?.FullName}::{method.Name}");
            hash.AppendData(method.GetMethodBody()?.GetILAsByteArray() ?? []);
        }

        Add("parameters");
        Add(parameterFingerprint(target));

        Add("inputs");
        foreach (var file in Match(target.Inputs))
        {
            Add(file);
            Add(HashFile(root / file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Whether the target is up to date; <paramref name="reason"/> says why not (for the debug log).</summary>
    public bool IsUpToDate(TargetSpec target, out string reason)
    {
        ArgumentNullException.ThrowIfNull(target);
        var record = Load(target);
        if (record is null)
        {
            reason = "no earlier success recorded";
            return false;
        }

        if (record.Fingerprint != Fingerprint(target))
        {
            reason = "inputs, parameters or definition changed";
            return false;
        }

        var outputs = Match(target.Outputs);
        if (outputs.Count == 0)
        {
            reason = "outputs are missing";
            return false;
        }

        foreach (var output in outputs)
        {
            if (!record.Outputs.TryGetValue(output, out var expected) || expected != HashFile(root / output))
            {
                reason = $"output {output} changed";
                return false;
            }
        }

        if (record.Outputs.Keys.Any(k => !outputs.Contains(k)))
        {
            reason = "an output was deleted";
            return false;
        }

        reason = "up to date";
        return true;
    }

    /// <summary>Records a success (call after the target's actions completed).</summary>
    public void RecordSuccess(TargetSpec target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var outputs = Match(target.Outputs).ToDictionary(o => o, o => HashFile(root / o), StringComparer.Ordinal);
        var record = new Record(Fingerprint(target), outputs);
        stateDirectory.CreateDirectory();
        File.WriteAllText(PathOf(target), JsonSerializer.Serialize(record, StateJson.Options));
    }

    /// <summary>Forgets a target's success (after a failure).</summary>
    public void Invalidate(TargetSpec target)
    {
        ArgumentNullException.ThrowIfNull(target);
        File.Delete(PathOf(target));
    }

    private Record? Load(TargetSpec target)
    {
        var path = PathOf(target);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Record>(File.ReadAllText(path), StateJson.Options);
        }
        catch (JsonException)
        {
            return null; // A corrupt state file only costs a re-run.
        }
    }

    private string PathOf(TargetSpec target) => stateDirectory / $"{target.Name}.json";

    private List<string> Match(IEnumerable<string> globs)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (var glob in globs)
        {
            if (glob.StartsWith('!'))
            {
                matcher.AddExclude(glob[1..]);
            }
            else
            {
                matcher.AddInclude(glob);
            }
        }

        return [.. matcher.GetResultsInFullPath(root).Select(p => new AbsolutePath(p).RelativeTo(root)).Order(StringComparer.Ordinal)];
    }

    private static string HashFile(AbsolutePath path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private sealed record Record(string Fingerprint, Dictionary<string, string> Outputs);
}
