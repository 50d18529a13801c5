using Tollgate.Containers;
using Tollgate.Deployment.BlueGreen;
using Tollgate.Deployment.Local;
using Tollgate.Deployment.Tests.Support;

namespace Tollgate.Deployment.Tests.BlueGreen;

/// <summary>
/// The blue-green deploy as a process of its own, so a test can SIGKILL it mid-way: the test assembly is started
/// with <c>dotnet Tollgate.Deployment.Tests.dll blue-green-driver &lt;release&gt; &lt;port&gt; &lt;session&gt; &lt;image id&gt; &lt;tag&gt;</c>
/// and prints every step; its post-promotion analysis lasts two minutes, long enough to be killed inside.
/// </summary>
internal static class BlueGreenDriver
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (release, port, session, imageId, tag) = (args[0], args[1], args[2], args[3], args[4]);
        var environment = new DeploymentEnvironment("prod", "research-prod", new Uri($"http://127.0.0.1:{port}/"), "k8s/research-assistant/values-prod.yaml", PlatformKind.Local) { ReleaseName = release };
        var tools = new Tools();
        using var engine = await ContainerEngineClient.ConnectAsync(tools, CancellationToken.None);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var routerImage = new RouterImage(engine, new HostDotnetBaseImages(engine, tools.Runner, tools), tools.Runner, tools);
        void Print(string line)
        {
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        }

        using var platform = new LocalBlueGreenPlatform(engine, routerImage, http, BlueGreenFixture.Options(session), environment, Print);
        var request = BlueGreenFixture.Request(imageId, tag) with { PostPromotion = BlueGreenFixture.ErrorRate(http, "post-promotion", 120, TimeSpan.FromSeconds(1)) };
        var result = await BlueGreenFixture.Deployer(platform, http, Print).RunAsync(request, CancellationToken.None);
        Print("outcome " + result.Outcome);
        return 0;
    }
}
