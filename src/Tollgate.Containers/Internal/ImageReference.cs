namespace Tollgate.Containers.Internal;

/// <summary>A reference split as the Engine API wants it: <c>127.0.0.1:5000/app:1.2</c> is repository <c>127.0.0.1:5000/app</c> and tag <c>1.2</c>.</summary>
internal sealed record ImageReference(string Repository, string? Tag, string? Digest)
{
    public static ImageReference Parse(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return new ImageReference(reference[..at], null, reference[(at + 1)..]);
        }

        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/') ? new ImageReference(reference[..colon], reference[(colon + 1)..], null) : new ImageReference(reference, null, null);
    }

    /// <summary>The registry host (<c>127.0.0.1:5000</c>), or <c>docker.io</c> when the first part is not a host.</summary>
    public string Registry
    {
        get
        {
            var slash = Repository.IndexOf('/', StringComparison.Ordinal);
            var first = slash < 0 ? string.Empty : Repository[..slash];
            return first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost" ? first : "docker.io";
        }
    }
}
