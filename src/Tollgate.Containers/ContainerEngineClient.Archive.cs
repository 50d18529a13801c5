using System.IO.Compression;

namespace Tollgate.Containers;

/// <summary>Images as files: the Engine API's image export (<c>docker save</c>), gzip-compressed on the way to disk.</summary>
public sealed partial class ContainerEngineClient
{
    // Bytes copied from the engine's response per read: large blocks keep the chunked stream from tiny or empty reads.
    private const int ExportBlock = 1 << 20;

    /// <summary>
    /// Writes <paramref name="image"/> (a tag, digest reference or id) as a gzip-compressed <c>docker save</c> archive to
    /// <paramref name="path"/>, streamed from the engine to disk (never held in memory), through a temporary file beside
    /// it so a failed or cancelled export leaves no partial archive. Returns the archive's size in bytes.
    /// </summary>
    public async Task<long> SaveImageAsync(string image, string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(image);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var partial = full + ".partial";
        try
        {
            await CallAsync($"Exporting image {image} to {full}", async () =>
            {
                var export = await Api.Images.SaveImageAsync(image, cancellationToken).ConfigureAwait(false);
                await using (export.ConfigureAwait(false))
                {
                    var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, ExportBlock, FileOptions.Asynchronous);
                    await using (file.ConfigureAwait(false))
                    {
                        // Fastest: layers are mostly compressed-once binaries; on two cores the level matters more than the ratio.
                        var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true);
                        await using (gzip.ConfigureAwait(false))
                        {
                            await export.CopyToAsync(gzip, ExportBlock, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }).ConfigureAwait(false);
            File.Move(partial, full, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        var size = new FileInfo(full).Length;
        _log.Information($"Exported {image} to {full} ({size / 1024.0 / 1024.0:0.0} MB, gzip)");
        return size;
    }
}
