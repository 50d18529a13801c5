using Tollgate.Containers;
using Tollgate.Deployment.Local;

namespace Tollgate.TestSupport;

/// <summary>
/// The real container engine, set up for tests of the local platforms: a session label of its own, the router image
/// made from the repository's router project (so the platforms under test find it by its source hash and no test
/// publishes the router), the runtime base image made from the host's .NET, and the test images built on it. Every
/// image carries the session label and <see cref="DisposeAsync"/> removes them, with any container or network left
/// under the label. Engine fixtures start one when <see cref="RequiredTools.EngineExpected"/>.
/// </summary>
/// <remarks>
/// Compiled into the test projects that reference Tollgate.Deployment (their csproj links this folder), so that
/// Tollgate.TestSupport itself, which every test project references, does not depend on the engine and deployment
/// libraries.
/// </remarks>
public sealed class LocalEngine : IAsyncDisposable
{
    private LocalEngine(string session, ContainerEngineClient engine, RouterImage routerImage, string runtimeImage)
    {
        Session = session;
        Engine = engine;
        RouterImage = routerImage;
        RuntimeImage = runtimeImage;
    }

    /// <summary>The session label every image of these tests carries.</summary>
    public string Session { get; }

    /// <summary>The engine's client.</summary>
    public ContainerEngineClient Engine { get; }

    /// <summary>The router image, made from the repository's router project.</summary>
    public RouterImage RouterImage { get; }

    /// <summary>The runtime base image made from the host's .NET.</summary>
    public string RuntimeImage { get; }

    /// <summary>The repository's router project folder.</summary>
    public static string RouterProjectDirectory => RepositoryRoot.Combine("src", "Tollgate.Deployment.Router");

    /// <summary>The repository's router project file.</summary>
    public static string RouterProject => Path.Combine(RouterProjectDirectory, "Tollgate.Deployment.Router.csproj");

    /// <summary>Connects to the engine and makes (or finds) the router and runtime base images.</summary>
    public static async Task<LocalEngine> StartAsync(IProcessRunner processes, IBuildLog log, CancellationToken cancellationToken)
    {
        var engine = await ContainerEngineClient.ConnectAsync(log, cancellationToken);
        try
        {
            var baseImages = new HostDotnetBaseImages(engine, processes, log);
            var routerImage = new RouterImage(engine, baseImages, processes, log);
            await routerImage.EnsureAsync(RouterProject, cancellationToken);
            var runtime = await baseImages.EnsureRuntimeImageAsync(cancellationToken);
            return new LocalEngine("test-" + TollgateLabels.NewSession(), engine, routerImage, runtime.Reference);
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Builds <paramref name="repository"/>:<c>{session}-{tag}</c> from the files of <paramref name="appDirectory"/> in
    /// /app on the runtime base, run as a non-root user with <c>dotnet /app/{entryAssembly}</c>; returns the image id.
    /// </summary>
    public async Task<string> BuildAppAsync(string repository, string tag, string appDirectory, string entryAssembly, CancellationToken cancellationToken)
    {
        using var context = new TempDirectory("tollgate-test-image");
        context.CopyFrom(appDirectory, "app");
        context.Write("Dockerfile", $"ARG BASE_IMAGE\nFROM ${{BASE_IMAGE}}\nCOPY app/ /app/\nWORKDIR /app\nUSER 1654\nENTRYPOINT [\"dotnet\", \"/app/{entryAssembly}\"]\n");
        return await BuildAsync(context.Path, repository, tag, RuntimeImage, cancellationToken);
    }

    /// <summary>
    /// Builds a variant of <paramref name="baseImage"/> with one more Dockerfile instruction (a LABEL for another image
    /// id, an ENV that changes the app's behaviour) as <paramref name="repository"/>:<c>{session}-{tag}</c>; returns its id.
    /// </summary>
    public async Task<string> DeriveAsync(string repository, string tag, string baseImage, string instruction, CancellationToken cancellationToken)
    {
        using var context = new TempDirectory("tollgate-test-image");
        context.Write("Dockerfile", $"ARG BASE_IMAGE\nFROM ${{BASE_IMAGE}}\n{instruction}\n");
        return await BuildAsync(context.Path, repository, tag, baseImage, cancellationToken);
    }

    /// <summary>Removes everything under the session label (images too) and closes the client.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Engine.RemoveByLabelAsync(TollgateLabels.SessionFilter(Session), includeImages: true, CancellationToken.None);
        }
        finally
        {
            Engine.Dispose();
        }
    }

    private async Task<string> BuildAsync(string context, string repository, string tag, string baseImage, CancellationToken cancellationToken)
    {
        var built = await Engine.BuildImageAsync(new ImageBuildRequest(context)
        {
            Tags = [$"{repository}:{Session}-{tag}"],
            BuildArgs = new Dictionary<string, string> { ["BASE_IMAGE"] = baseImage },
            Labels = TollgateLabels.For(Session, "tests"),
        }, cancellationToken);
        return built.Id;
    }
}
