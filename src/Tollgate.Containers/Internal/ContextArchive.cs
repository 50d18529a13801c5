using System.Formats.Tar;

namespace Tollgate.Containers.Internal;

/// <summary>
/// Writes a build context as a tar straight from disk: entries one by one, file contents copied from their streams,
/// owners 0:0 as the Docker CLI sends them, <c>.dockerignore</c> applied, the Dockerfile always included.
/// </summary>
internal sealed class ContextArchive
{
    private readonly string _root;
    private readonly DockerIgnore _ignore;
    private readonly IReadOnlyList<ContextFile> _extraFiles;
    private readonly HashSet<string> _alwaysIncluded;

    public ContextArchive(string root, DockerIgnore ignore, IReadOnlyList<ContextFile> extraFiles, IEnumerable<string> alwaysIncluded)
    {
        _root = Path.GetFullPath(root);
        _ignore = ignore;
        _extraFiles = extraFiles;
        _alwaysIncluded = new HashSet<string>(alwaysIncluded, StringComparer.Ordinal);
    }

    /// <summary>Files written so far.</summary>
    public int Files { get; private set; }

    /// <summary>Bytes of file content written so far.</summary>
    public long Bytes { get; private set; }

    public async Task WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var written = new HashSet<string>(StringComparer.Ordinal);
            await WriteDirectoryAsync(writer, new DirectoryInfo(_root), string.Empty, written, cancellationToken).ConfigureAwait(false);
            foreach (var path in _alwaysIncluded.Where(p => !written.Contains(p)).Order(StringComparer.Ordinal))
            {
                var full = Path.Combine(_root, path);
                if (File.Exists(full))
                {
                    await WriteFileAsync(writer, new FileInfo(full), path, cancellationToken).ConfigureAwait(false);
                }
            }

            foreach (var extra in _extraFiles)
            {
                await WriteFollowingLinksAsync(writer, extra.SourcePath, extra.ArchivePath.Replace('\\', '/').Trim('/'), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteDirectoryAsync(TarWriter writer, DirectoryInfo directory, string prefix, HashSet<string> written, CancellationToken cancellationToken)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = prefix + entry.Name;
            var isDirectory = entry is DirectoryInfo && entry.LinkTarget is null;
            if (_ignore.IsExcluded(relative) && !_alwaysIncluded.Contains(relative))
            {
                if (isDirectory && _ignore.HasExceptions && _ignore.MayIncludeUnder(relative))
                {
                    await WriteDirectoryAsync(writer, (DirectoryInfo)entry, relative + "/", written, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            written.Add(relative);
            if (entry.LinkTarget is { } target)
            {
                await writer.WriteEntryAsync(Owned(new PaxTarEntry(TarEntryType.SymbolicLink, relative) { LinkName = target }, entry), cancellationToken).ConfigureAwait(false);
            }
            else if (isDirectory)
            {
                await writer.WriteEntryAsync(Owned(new PaxTarEntry(TarEntryType.Directory, relative + "/"), entry), cancellationToken).ConfigureAwait(false);
                await WriteDirectoryAsync(writer, (DirectoryInfo)entry, relative + "/", written, cancellationToken).ConfigureAwait(false);
            }
            else if (entry is FileInfo file)
            {
                await WriteFileAsync(writer, file, relative, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Adds a file or directory from outside the context; links are followed (<c>cp -L</c>).</summary>
    private async Task WriteFollowingLinksAsync(TarWriter writer, string source, string archivePath, CancellationToken cancellationToken)
    {
        if (Directory.Exists(source))
        {
            var directory = new DirectoryInfo(source);
            await writer.WriteEntryAsync(Owned(new PaxTarEntry(TarEntryType.Directory, archivePath + "/"), directory), cancellationToken).ConfigureAwait(false);
            foreach (var entry in directory.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                await WriteFollowingLinksAsync(writer, entry.FullName, archivePath + "/" + entry.Name, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (File.Exists(source))
        {
            var resolved = new FileInfo(source).ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? new FileInfo(source);
            await WriteFileAsync(writer, resolved, archivePath, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new ContainerException($"{source} does not exist: it was to be added to the build context as {archivePath}.");
        }
    }

    private async Task WriteFileAsync(TarWriter writer, FileInfo file, string archivePath, CancellationToken cancellationToken)
    {
        var content = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (content.ConfigureAwait(false))
        {
            var entry = Owned(new PaxTarEntry(TarEntryType.RegularFile, archivePath), file);
            entry.DataStream = content;
            await writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
            Files++;
            Bytes += content.Length;
        }
    }

    private static PaxTarEntry Owned(PaxTarEntry entry, FileSystemInfo source)
    {
        entry.Uid = 0;
        entry.Gid = 0;
        entry.Mode = OperatingSystem.IsWindows() ? (UnixFileMode)0b111_101_101 : source.UnixFileMode;
        entry.ModificationTime = source.LastWriteTimeUtc;
        return entry;
    }
}
