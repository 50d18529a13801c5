namespace Tollgate.Containers;

/// <summary>An image the engine built.</summary>
/// <param name="Id">The image id (<c>sha256:...</c>).</param>
/// <param name="Tags">The tags it was given.</param>
/// <param name="BaseImages">The images its stages start FROM, as the daemon resolved them (build arguments applied).</param>
/// <param name="ContextFiles">Files sent in the context.</param>
/// <param name="ContextBytes">Bytes of file content sent in the context.</param>
/// <param name="Duration">Wall time of the build, context upload included.</param>
public sealed record BuiltImage(string Id, IReadOnlyList<string> Tags, IReadOnlyList<string> BaseImages, int ContextFiles, long ContextBytes, TimeSpan Duration);
