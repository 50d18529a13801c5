using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Tollgate.Containers;

/// <summary>
/// A CNCF distribution registry (<c>docker-registry</c>) on 127.0.0.1, started in its own session so it outlives the
/// build (as kind's local registry does) and stopped by its pid file. Storage, configuration, log and pid file live
/// in one state directory (e.g. <c>.nuke/temp/registry</c>).
/// </summary>
public sealed class LocalRegistry
{
    private const string PidFile = "registry.pid";
    private readonly IBuildLog _log;

    /// <summary>Creates the manager for the registry whose state lives in <paramref name="stateDirectory"/>.</summary>
    public LocalRegistry(string stateDirectory, IBuildLog log)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateDirectory);
        ArgumentNullException.ThrowIfNull(log);
        StateDirectory = Path.GetFullPath(stateDirectory);
        _log = log;
    }

    /// <summary>The state directory.</summary>
    public string StateDirectory { get; }

    /// <summary>Whether a registry answers <c>/v2/</c> at <paramref name="address"/> (<c>host:port</c>); 401 counts (it wants a login).</summary>
    public static async Task<bool> IsAnsweringAsync(string address, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://{address}/v2/"), cancellationToken).ConfigureAwait(false);
            return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>The repositories the registry lists in <c>/v2/_catalog</c>.</summary>
    public static async Task<IReadOnlyList<string>> CatalogAsync(string address, RegistryCredentials? credentials, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{address}/v2/_catalog"));
        if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new RegistryException($"The catalog of {address} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return [.. document.RootElement.GetProperty("repositories").EnumerateArray().Select(r => r.GetString() ?? string.Empty)];
    }

    /// <summary>
    /// Starts <c>docker-registry</c> on 127.0.0.1:<paramref name="port"/> (storage under the state directory; with
    /// <paramref name="htpasswdFile"/>, basic authentication) and waits until it answers. It keeps running after this
    /// process ends; <see cref="StopAsync"/> ends it.
    /// </summary>
    public async Task<string> StartAsync(int port, string? htpasswdFile, CancellationToken cancellationToken)
    {
        var address = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        Directory.CreateDirectory(Path.Combine(StateDirectory, "storage"));
        var configuration = Path.Combine(StateDirectory, "config.yml");
        var auth = htpasswdFile is null ? string.Empty : $"auth:\n  htpasswd:\n    realm: tollgate\n    path: {Path.GetFullPath(htpasswdFile)}\n";
        await File.WriteAllTextAsync(configuration,
            $"version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: {Path.Combine(StateDirectory, "storage")}\n  delete:\n    enabled: true\nhttp:\n  addr: {address}\n{auth}",
            cancellationToken).ConfigureAwait(false);
        var executable = FindOnPath("docker-registry")
            ?? throw new ContainerException("docker-registry is not installed, so no local registry can be started on " + address
                + "; install it (Debian: apt-get install docker-registry, see .ci/install.d/10-docker.sh) or give a registry with --registry.");
        var log = Path.Combine(StateDirectory, "registry.log");

        // setsid: the registry leaves the build's process group, so Ctrl-C on the build does not stop it.
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", "setsid \"$0\" serve \"$1\" >\"$2\" 2>&1 </dev/null & echo $!", executable, configuration, log },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        string pid;
        using (var shell = Process.Start(start) ?? throw new ContainerException("Could not start /bin/sh to launch docker-registry."))
        {
            pid = (await shell.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim();
            await shell.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(StateDirectory, PidFile), pid, cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await IsAnsweringAsync(address, cancellationToken).ConfigureAwait(false))
            {
                _log.Information($"Started a registry on {address} (storage {Path.Combine(StateDirectory, "storage")}); it keeps running, `./build.sh Destroy` stops it");
                return address;
            }

            // Whether the process still exists, not RunningPid(): while setsid execs docker-registry, /proc/<pid>/cmdline
            // can read empty, which made a healthy start look like an exit (CI: "did not answer ... within 10 s" after 1 s).
            if (!Directory.Exists($"/proc/{pid}"))
            {
                break;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        var output = File.Exists(log) ? (await File.ReadAllTextAsync(log, cancellationToken).ConfigureAwait(false)).Trim() : string.Empty;
        await StopAsync(cancellationToken).ConfigureAwait(false);
        throw new ContainerException($"docker-registry did not answer on {address} within 10 s (is the port taken?). Its log ({log}):\n{output}");
    }

    /// <summary>The registry's pid when it runs, from the pid file (checked against /proc so a reused pid is not taken).</summary>
    public int? RunningPid()
    {
        var file = Path.Combine(StateDirectory, PidFile);
        if (!File.Exists(file) || !int.TryParse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        var commandLine = $"/proc/{pid}/cmdline";
        return File.Exists(commandLine) && File.ReadAllText(commandLine).Contains("docker-registry", StringComparison.Ordinal) ? pid : null;
    }

    /// <summary>Stops the registry started from this state directory; false when none was running.</summary>
    public async Task<bool> StopAsync(CancellationToken cancellationToken)
    {
        var pid = RunningPid();
        File.Delete(Path.Combine(StateDirectory, PidFile));
        if (pid is null)
        {
            return false;
        }

        using var process = Process.GetProcessById(pid.Value);
        process.Kill();
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        _log.Information($"Stopped the registry (pid {pid}) of {StateDirectory}");
        return true;
    }

    /// <summary>A free TCP port on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, tool))
            .FirstOrDefault(File.Exists);
}
