namespace Tollgate.Security.Secrets;

/// <summary>Turns secret matches into findings: redacted message, fingerprint over rule, file and value.</summary>
internal static class SecretFindings
{
    public static Finding From(string scanner, SecretMatch match, string path, string? commit = null)
    {
        var where = commit is null ? string.Empty : $" (added in commit {commit[..Math.Min(12, commit.Length)]})";
        var message = $"{match.Rule.Descriptor.Description} {Redaction.Redact(match.Value)}{where}.";
        var location = new FindingLocation(path, match.Line, match.Column) { Commit = commit };

        // The value, not the line, goes into the fingerprint: a new secret on an accepted line is a new finding. The
        // working-tree and history scanners share it, so one ignore entry or baseline line covers both.
        var fingerprint = Fingerprints.Of("secrets", match.Rule.Descriptor.Id, path, match.Value);
        return new Finding(scanner, match.Rule.Descriptor.Id, match.Rule.Descriptor.Severity, message, location, fingerprint) { Help = match.Rule.Descriptor.Help };
    }

    /// <summary>
    /// Whether a generic match is the name of its own file: content-addressed storage (a cache entry stored as
    /// <c>&lt;sha256&gt;.json</c> holding <c>"key": "&lt;sha256&gt;"</c>) names files after a digest, and a secret is never
    /// published as the name of the file that holds it. Specific rules (a token format) still report it.
    /// </summary>
    public static bool IsOwnFileName(SecretMatch match, string path) =>
        match.Rule.IsGeneric && match.Value.Length >= 32
        && string.Equals(Path.GetFileNameWithoutExtension(path), match.Value, StringComparison.OrdinalIgnoreCase);
}
