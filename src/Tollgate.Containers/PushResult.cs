namespace Tollgate.Containers;

/// <summary>A pushed image.</summary>
/// <param name="Reference">The reference pushed (<c>registry/repository:tag</c>).</param>
/// <param name="Digest">The manifest digest the registry stored (<c>sha256:...</c>); pull by <c>repository@digest</c>.</param>
/// <param name="ManifestSize">The manifest's size in bytes.</param>
public sealed record PushResult(string Reference, string Digest, long ManifestSize);
