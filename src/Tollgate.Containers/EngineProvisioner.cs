using System.Diagnostics;

namespace Tollgate.Containers;

/// <summary>
/// Installs (apt: docker.io) and starts dockerd on the default socket when no engine answers, on machines where that
/// is possible: root with apt-get, like CI. State (data root, exec root, pid file, log) lives under
/// <c>stateDirectory</c> (e.g. <c>.nuke/temp/docker</c>); dockerd is started in its own session and keeps running.
/// <paramref name="socket"/> (default <c>/var/run/docker.sock</c>) and <paramref name="daemonArguments"/> (added to
/// dockerd's command line) let a second daemon run beside an existing one, as the tests do: give it a bridge of its own
/// and <c>--iptables=false</c>; never <c>--bridge=none</c> there, since dockerd then deletes the <c>docker0</c> interface
/// the first daemon uses.
/// </summary>
public sealed class EngineProvisioner(IProcessRunner processes, IBuildLog log, string stateDirectory, string socket = EngineProvisioner.DefaultSocket, IReadOnlyList<string>? daemonArguments = null)
{
    /// <summary>Docker's default socket, where a provisioned dockerd listens unless told otherwise.</summary>
    public const string DefaultSocket = "/var/run/docker.sock";

    private string Socket { get; } = socket;

    /// <summary>The file dockerd writes its process id to.</summary>
    public string PidFile => Path.Combine(stateDirectory, "dockerd.pid");

    /// <summary>
    /// dockerd's exec root, where it and containerd keep their sockets: <c>/run/tollgate-docker-&lt;hash&gt;</c>, one per
    /// state directory. Not under the state directory: a Unix socket path may not exceed 104 bytes, and containerd's
    /// debug socket under a deep checkout (a workflow proof's job folder) goes past that, so dockerd never starts.
    /// </summary>
    public string ExecRoot => "/run/tollgate-docker-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(stateDirectory))))[..12];

    /// <summary>Whether this machine can provision an engine; <paramref name="reason"/> says why not.</summary>
    public static bool CanProvision(out string reason)
    {
        if (!OperatingSystem.IsLinux())
        {
            reason = "provisioning works on Linux only; start Docker Desktop or podman";
            return false;
        }

        if (Environment.UserName != "root" && Environment.GetEnvironmentVariable("USER") != "root")
        {
            reason = "the build does not run as root, so it cannot install or start dockerd";
            return false;
        }

        if (Find("dockerd") is null && Find("apt-get") is null)
        {
            reason = "dockerd is not installed and there is no apt-get to install docker.io";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    /// <summary>Installs docker.io when dockerd is missing, starts dockerd and waits until it answers.</summary>
    public async Task<EngineInfo> ProvisionAsync(CancellationToken cancellationToken)
    {
        if (Find("dockerd") is null)
        {
            log.Information("No container engine answers and dockerd is not installed: installing docker.io with apt-get (turn this off with --provision-engine false)");
            var install = new CommandSpec("apt-get").WithArguments("install", "-y", "--no-install-recommends", "docker.io").WithEnvironment("DEBIAN_FRONTEND", "noninteractive");
            await processes.RunAsync(install, cancellationToken).ConfigureAwait(false);
        }

        var dockerd = Find("dockerd") ?? throw new EngineNotFoundException("apt-get installed docker.io but dockerd is not on PATH; start dockerd yourself.");
        Directory.CreateDirectory(stateDirectory);
        var logFile = Path.Combine(stateDirectory, "dockerd.log");
        log.Information($"No container engine answers: starting dockerd on {Socket} (data in {stateDirectory}, log {logFile}); it keeps running after the build (turn this off with --provision-engine false)");
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList =
            {
                "-c",
                "log=\"$1\"; shift; setsid \"$0\" \"$@\" >\"$log\" 2>&1 </dev/null &",
                dockerd, logFile, "--host", "unix://" + Socket, "--data-root", Path.Combine(stateDirectory, "data"),
                "--exec-root", ExecRoot, "--pidfile", PidFile,
            },
            UseShellExecute = false,
        };
        foreach (var argument in daemonArguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        using (var shell = Process.Start(start) ?? throw new EngineNotFoundException("Could not run /bin/sh to start dockerd."))
        {
            await shell.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }

        var locator = new EngineLocator(name => name == "DOCKER_HOST" ? null : Environment.GetEnvironmentVariable(name), TimeSpan.FromSeconds(2));
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var (engine, _) = await locator.ProbeAsync(new EngineCandidate(new Uri("unix://" + Socket), "dockerd started by Tollgate"), cancellationToken).ConfigureAwait(false);
            if (engine is not null)
            {
                log.Information($"Started {engine}");
                return engine;
            }

            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
        }

        var tail = File.Exists(logFile) ? string.Join("\n  ", File.ReadLines(logFile).TakeLast(20)) : "(no log)";
        throw new EngineNotFoundException($"dockerd was started but did not answer on {Socket} within 30 s. Its log ({logFile}):\n  {tail}");
    }

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin", "/sbin", "/bin"])
            .Select(d => Path.Combine(d, tool))
            .FirstOrDefault(File.Exists);
}
