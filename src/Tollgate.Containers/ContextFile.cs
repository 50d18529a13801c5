namespace Tollgate.Containers;

/// <summary>A file from anywhere on disk added to a build context at <paramref name="ArchivePath"/> (symbolic links followed).</summary>
/// <param name="SourcePath">The file or directory on disk; a directory is added with everything below it.</param>
/// <param name="ArchivePath">Where it appears in the context (forward slashes, relative).</param>
public sealed record ContextFile(string SourcePath, string ArchivePath);
