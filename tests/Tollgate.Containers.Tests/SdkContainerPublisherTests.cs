using Tollgate.TestSupport;

namespace Tollgate.Containers.Tests;

/// <summary>
/// The daemonless path end to end: a small ASP.NET app published with <c>dotnet publish -t:PublishContainer</c> straight
/// to a registry of the test's own (base: the host-built runtime image pushed there), then pulled by digest and run.
/// </summary>
[Collection(EngineGroup.Name)]
public sealed class SdkContainerPublisherTests(EngineFixture fixture)
{
    [RequiresToolFact("docker-registry")]
    public async Task The_SDK_publishes_an_image_to_the_registry_without_the_engine_and_it_runs_from_its_digest()
    {
        var runtime = await fixture.RuntimeAsync();
        await using var registry = await TestRegistry.StartAsync(fixture.Log, login: null);
        var baseImage = $"{registry.Address}/tollgate-test/base:{fixture.Session}";
        await fixture.Engine.TagImageAsync(runtime.Reference, baseImage, CancellationToken.None);
        await fixture.Engine.PushImageAsync(baseImage, null, CancellationToken.None);
        await fixture.Engine.RemoveImageAsync(baseImage, force: false, CancellationToken.None);
        using var project = new TempDirectory();
        project.Write("app.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
            </Project>
            """);
        project.Write("Program.cs", """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/health", () => Results.Json(new { status = "daemonless" }));
            app.Run();
            """);
        var labels = new Dictionary<string, string> { ["org.opencontainers.image.version"] = "1.2.3" };
        var request = new SdkPublishRequest(project["app.csproj"], registry.Address, "tollgate-test/daemonless", ["1.2.3", fixture.Session], baseImage, labels);
        var processes = new ProcessRunner(fixture.Log, new SecretMasker(), new ToolLocator(null));

        var digest = await new SdkContainerPublisher(processes, fixture.Log).PublishAsync(request, CancellationToken.None);

        digest.Should().MatchRegex("^sha256:[0-9a-f]{64}$");
        (await SdkContainerPublisher.ManifestDigestAsync(registry.Address, "tollgate-test/daemonless", fixture.Session, null, plainHttp: true, CancellationToken.None)).Should().Be(digest);
        var byDigest = $"{registry.Address}/tollgate-test/daemonless@{digest}";
        await fixture.Engine.PullImageAsync(byDigest, null, CancellationToken.None);
        try
        {
            var details = await fixture.Engine.InspectImageAsync(byDigest, CancellationToken.None);
            details!.User.Should().Be("1654");
            var port = LocalRegistry.FreePort();
            var container = await fixture.Engine.RunContainerAsync(new ContainerSpec(byDigest) { Labels = fixture.Labels }.WithPort(8080, port), CancellationToken.None);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var answer = await PollAsync(http, new Uri($"http://127.0.0.1:{port}/health"));
            answer.Should().Contain("daemonless", await fixture.Engine.GetLogsAsync(container.Id, 20, CancellationToken.None));
        }
        finally
        {
            await fixture.Engine.RemoveByLabelAsync(TollgateLabels.SessionFilter(fixture.Session), includeImages: false, CancellationToken.None);
            await fixture.Engine.RemoveImageAsync(byDigest, force: true, CancellationToken.None);
        }
    }

    private static async Task<string> PollAsync(HttpClient http, Uri url)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                return await http.GetStringAsync(url, deadline.Token);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250, CancellationToken.None);
            }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
            {
            }
        }

        return string.Empty;
    }
}
