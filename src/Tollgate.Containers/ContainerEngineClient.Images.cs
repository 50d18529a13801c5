using System.Diagnostics;
using System.IO.Pipelines;
using Docker.DotNet;
using Docker.DotNet.Models;
using Tollgate.Containers.Internal;

namespace Tollgate.Containers;

/// <summary>Images: build, tag, inspect, remove.</summary>
public sealed partial class ContainerEngineClient
{
    // The tar is produced while the daemon reads it: at most this much is held in memory between disk and socket.
    private const long PipeHighWater = 1 << 20;

    // Segments of 64 KiB instead of the pipe's 4 KiB: file contents cross the pipe in 16 times fewer pieces.
    private const int PipeSegment = 64 * 1024;

    /// <summary>
    /// Builds an image with the engine's builder. The context goes out as a tar streamed from disk with the ignore file
    /// applied; progress goes to the log; an error in the stream raises <see cref="ImageBuildException"/> with the
    /// daemon's message and the failing step.
    /// </summary>
    public async Task<BuiltImage> BuildImageAsync(ImageBuildRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stopwatch = Stopwatch.StartNew();
        var context = Path.GetFullPath(request.ContextDirectory);
        if (!Directory.Exists(context))
        {
            throw new ContainerException($"The build context {context} does not exist; give an existing directory.");
        }

        var dockerfile = Path.GetFullPath(Path.Combine(context, request.Dockerfile));
        if (!File.Exists(dockerfile))
        {
            throw new ContainerException($"The Dockerfile {dockerfile} does not exist (context {context}); give its path relative to the context or absolute.");
        }

        var ignoreFile = request.IgnoreFile is { } explicitIgnore ? Path.GetFullPath(Path.Combine(context, explicitIgnore))
            : File.Exists(dockerfile + ".dockerignore") ? dockerfile + ".dockerignore"
            : Path.Combine(context, ".dockerignore");
        var ignore = DockerIgnore.Load(ignoreFile);
        var relativeDockerfile = Path.GetRelativePath(context, dockerfile).Replace('\\', '/');
        var extraFiles = request.ExtraFiles;
        if (relativeDockerfile.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relativeDockerfile))
        {
            // As the Docker CLI does: a Dockerfile outside the context travels inside it under a name of its own.
            relativeDockerfile = $".dockerfile.{Guid.NewGuid():N}";
            extraFiles = [.. extraFiles, new ContextFile(dockerfile, relativeDockerfile)];
        }

        var archive = new ContextArchive(context, ignore, extraFiles, [relativeDockerfile, ".dockerignore"]);
        var parameters = new ImageBuildParameters
        {
            Dockerfile = relativeDockerfile,
            Tags = request.Tags.ToList(),
            BuildArgs = new Dictionary<string, string>(request.BuildArgs),
            Labels = new Dictionary<string, string>(request.Labels),
            Target = request.Target!,
            NoCache = request.NoCache,
            Pull = request.Pull ? "1" : null!,
            NetworkMode = request.NetworkMode!,
            Remove = true,

            // Intermediate containers of failed steps are removed too: the engine may be shared.
            ForceRemove = true,
        };
        _log.Information($"Building {string.Join(", ", request.Tags.DefaultIfEmpty("an untagged image"))} from {relativeDockerfile} in {context} on {Engine.Kind} {Engine.Version}"
            + (File.Exists(ignoreFile) ? $" ({Path.GetFileName(ignoreFile)}: {ignore.Patterns.Count} patterns)" : string.Empty));

        var output = new BuildOutput(_log, request.BuildArgs);
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: PipeHighWater, resumeWriterThreshold: PipeHighWater / 2, minimumSegmentSize: PipeSegment, useSynchronizationContext: false));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = ProduceAsync(archive, pipe.Writer, linked.Token);
        try
        {
            var body = pipe.Reader.AsStream();
            await using (body.ConfigureAwait(false))
            {
                await Api.Images.BuildImageFromDockerfileAsync(parameters, body, [], new Dictionary<string, string>(), output, linked.Token).ConfigureAwait(false);
            }
        }
        catch (DockerApiException exception)
        {
            throw new ImageBuildException($"Building {dockerfile} failed: {Messages.FromApiBody(exception.ResponseBody)}", exception) { DaemonMessage = Messages.FromApiBody(exception.ResponseBody) };
        }
        catch (Exception exception) when (IsTransport(exception) && producer.IsFaulted)
        {
            throw new ContainerException($"Sending the build context {context} failed: {Messages.Innermost(producer.Exception!)}", exception);
        }
        catch (Exception exception) when (IsTransport(exception))
        {
            throw new ContainerException($"Building {dockerfile} failed: the engine at {Engine.Endpoint} closed the connection ({Messages.Innermost(exception)}).", exception);
        }
        finally
        {
            await linked.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        output.Flush();
        if (output.Error is { } error)
        {
            var step = output.ErrorStep is null ? string.Empty : $" at {output.ErrorStep}";
            throw new ImageBuildException($"Building {relativeDockerfile} failed{step}: {error}" + (output.Tail.Count > 0 ? "\nLast output:\n  " + string.Join("\n  ", output.Tail.TakeLast(10)) : string.Empty))
            {
                DaemonMessage = error,
                Instruction = output.ErrorStep,
                OutputTail = output.Tail,
            };
        }

        var id = output.ImageId ?? throw new ImageBuildException($"Building {relativeDockerfile} ended without an image id from the engine; last output:\n  {string.Join("\n  ", output.Tail)}");
        stopwatch.Stop();
        _log.Information($"Built {id[..Math.Min(id.Length, 19)]} in {DurationText.Format(stopwatch.Elapsed)} (context: {archive.Files} files, {archive.Bytes / 1024.0 / 1024.0:0.0} MB)");
        return new BuiltImage(id, request.Tags, output.BaseImages, archive.Files, archive.Bytes, stopwatch.Elapsed);
    }

    /// <summary>Tags an image: <paramref name="reference"/> is <c>repository[:tag]</c>.</summary>
    public Task TagImageAsync(string image, string reference, CancellationToken cancellationToken)
    {
        var parsed = ImageReference.Parse(reference);
        return CallAsync($"Tagging {image} as {reference}", () =>
            Api.Images.TagImageAsync(image, new ImageTagParameters { RepositoryName = parsed.Repository, Tag = parsed.Tag ?? "latest" }, cancellationToken));
    }

    /// <summary>The image's details, or null when the engine has no such image.</summary>
    public async Task<ImageDetails?> InspectImageAsync(string reference, CancellationToken cancellationToken)
    {
        ImageInspectResponse? response = null;
        if (!await CallIfExistsAsync($"Inspecting image {reference}", async () =>
            response = await Api.Images.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false) || response is null)
        {
            return null;
        }

        var config = response.Config;
        return new ImageDetails(
            response.ID,
            [.. response.RepoTags ?? []],
            [.. response.RepoDigests ?? []],
            response.Size,
            response.Created ?? DateTimeOffset.MinValue,
            new Dictionary<string, string>(config?.Labels ?? new Dictionary<string, string>()),
            config?.User ?? string.Empty,
            [.. (config?.ExposedPorts?.Keys ?? []).Order(StringComparer.Ordinal)],
            config?.Healthcheck?.Test is { Count: > 0 } test ? [.. test] : null);
    }

    /// <summary>Removes an image (<paramref name="force"/>: even when tagged more than once); false when there is none.</summary>
    public Task<bool> RemoveImageAsync(string reference, bool force, CancellationToken cancellationToken) =>
        CallIfExistsAsync($"Removing image {reference}", () => Api.Images.DeleteImageAsync(reference, new ImageDeleteParameters { Force = force }, cancellationToken));

    private static async Task ProduceAsync(ContextArchive archive, PipeWriter writer, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            var stream = writer.AsStream(leaveOpen: true);
            await using (stream.ConfigureAwait(false))
            {
                await archive.WriteAsync(stream, cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            await writer.CompleteAsync(exception).ConfigureAwait(false);
            throw;
        }
    }
}
