using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Tollgate.Components.Tests.LlmEval;

namespace Tollgate.Components.Tests.DeployStaging;

/// <summary>The real ResearchAssistant from its build output, on a free loopback port, for the smoke tests to reach.</summary>
public sealed class ResearchAssistantProcess : IAsyncLifetime
{
    private Process? process;

    public Uri Url { get; private set; } = null!;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task InitializeAsync()
    {
        Url = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(RealServiceBuild.ServiceAssembly), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { RealServiceBuild.ServiceAssembly, "--urls", Url.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        // The offline answerer: other test classes set LLM_API_KEY process-wide while they run in parallel, and the
        // service refuses a key without LLM_MODEL.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("LLM_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync(new Uri(Url, "health"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"ResearchAssistant did not answer {Url}health within 60 s");
    }

    public Task DisposeAsync()
    {
        if (process is not null)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }

        return Task.CompletedTask;
    }
}
