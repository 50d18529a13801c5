using System.Globalization;
using Tollgate.Containers;
using Tollgate.Deployment.Local;
using Tollgate.Deployment.Smoke;

namespace Tollgate.Deployment.TestDriver;

/// <summary>
/// One local deploy in a process of its own, as a build's DeployStaging runs it: the real engine, the real router image,
/// an image by id. Prints one line per step (flushed, so a test can SIGKILL it at a step) and <c>outcome: X</c>;
/// exits 0 when the release was deployed, 1 otherwise, 2 on bad arguments.
/// </summary>
/// <remarks>
/// Arguments: <c>--release NAME --port N --image ID --tag TAG --session ID --router-project PATH</c>.
/// </remarks>
public static class DeployDriver
{
    public static async Task<int> Main(string[] args)
    {
        var options = Parse(args);
        string[] required = ["release", "port", "image", "tag", "session", "router-project"];
        if (required.FirstOrDefault(name => !options.ContainsKey(name)) is { } missing)
        {
            await Console.Error.WriteLineAsync($"missing --{missing}; arguments: --{string.Join(" --", required)}");
            return 2;
        }

        var log = new ConsoleLog();
        using var engine = await ContainerEngineClient.ConnectAsync(log, CancellationToken.None);
        var runner = new ProcessRunner(log, new SecretMasker(), new ToolLocator(toolsDirectory: null));
        var routerImage = new RouterImage(engine, new HostDotnetBaseImages(engine, runner, log), runner, log);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var platform = new LocalPlatform(engine, routerImage, http, new LocalPlatformOptions(options["router-project"])
        {
            Session = options["session"],
            HealthTimeout = TimeSpan.FromSeconds(30),
            DrainTimeout = TimeSpan.FromSeconds(10),
            StopGrace = TimeSpan.FromSeconds(2),
            Smoke = new SmokeOptions(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10)),
        }, line => Console.WriteLine("step: " + line));
        var environment = new DeploymentEnvironment("staging", "research-staging", new Uri($"http://127.0.0.1:{int.Parse(options["port"], CultureInfo.InvariantCulture)}/"), "k8s/research-assistant/values-staging.yaml", PlatformKind.Local)
            .WithRelease(options["release"]);
        var image = new ImageReference("localhost/tollgate-test/research-assistant", options["image"], options["tag"]) { ImageId = options["image"] };
        var result = await platform.DeployAsync(new DeploymentRequest(environment, image, TimeSpan.FromMinutes(1)) { SmokeChecks = ResearchAssistantSmokeChecks.Create() }, CancellationToken.None);
        Console.WriteLine($"outcome: {result.Outcome}{(result.FailureReason is null ? string.Empty : " (" + result.FailureReason + ")")}");
        return result.Succeeded ? 0 : 1;
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }

    private sealed class ConsoleLog : IBuildLog
    {
        public void Write(LogLevel level, string message) => Console.WriteLine($"{level}: {message}");
    }
}
