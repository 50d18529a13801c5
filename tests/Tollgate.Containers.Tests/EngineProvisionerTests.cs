using System.Diagnostics;
using Tollgate.TestSupport;

namespace Tollgate.Containers.Tests;

/// <summary>
/// Provisioning end to end: a dockerd of the test's own on a temporary socket and data root, on a bridge interface of
/// the test's own and without iptables rules, so the shared daemon and its networks are untouched (not --bridge=none:
/// dockerd then deletes docker0, the shared daemon's bridge). The daemon is stopped (SIGTERM, so its containerd goes
/// with it), its bridge deleted and its state removed at the end.
/// </summary>
public sealed class EngineProvisionerTests
{
    [RequiresToolFact("dockerd", ".ci/install.d/10-docker.sh")]
    public async Task When_no_engine_answers_the_provisioner_starts_dockerd_and_the_client_can_use_it()
    {
        EngineProvisioner.CanProvision(out var reason).Should().BeTrue(reason);
        // A deep state directory, like a workflow proof's job folder: the sockets must still fit in 104 bytes.
        using var root = new TempDirectory("tg-dockerd");
        var state = Directory.CreateDirectory(root[Path.Combine("a-checkout-folder-with-a-long-name", "jobs", "Build", ".nuke", "temp", "docker")]).FullName;
        var bridge = "tgprov" + Guid.NewGuid().ToString("N")[..6];
        await IpAsync("link", "add", bridge, "type", "bridge");
        await IpAsync("addr", "add", $"198.18.{Random.Shared.Next(1, 250)}.1/24", "dev", bridge);
        var socket = root["d.sock"];
        var log = new TestLog();
        var provisioner = new EngineProvisioner(
            new ProcessRunner(log, new SecretMasker(), new ToolLocator(null)), log, state, socket,
            [$"--bridge={bridge}", "--iptables=false", "--ip-masq=false", "--ip6tables=false"]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            var engine = await provisioner.ProvisionAsync(timeout.Token);
            using var client = new ContainerEngineClient(engine, log);
            var images = await client.Api.Images.ListImagesAsync(new Docker.DotNet.Models.ImagesListParameters(), timeout.Token);

            engine.Kind.Should().Be(EngineKind.Docker);
            engine.Endpoint.Should().Be(new Uri("unix://" + socket));
            images.Should().BeEmpty("the new daemon has a data root of its own");
            log.Text.Should().Contain("starting dockerd on " + socket).And.Contain("--provision-engine false");
            File.Exists(Path.Combine(state, "dockerd.log")).Should().BeTrue();
            provisioner.ExecRoot.Should().StartWith("/run/tollgate-docker-", "the sockets live under a short exec root");
        }
        finally
        {
            await StopAsync(provisioner.PidFile);
            await IpAsync("link", "del", bridge);
            try
            {
                Directory.Delete(provisioner.ExecRoot, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task IpAsync(params string[] arguments)
    {
        using var ip = Process.Start(RequiredTools.FindOnPath("ip") ?? "/usr/sbin/ip", arguments);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await ip.WaitForExitAsync(timeout.Token);
        ip.ExitCode.Should().Be(0, $"ip {string.Join(' ', arguments)} should succeed");
    }

    private static async Task StopAsync(string pidFile)
    {
        if (!File.Exists(pidFile) || !int.TryParse(await File.ReadAllTextAsync(pidFile), out var pid))
        {
            return;
        }

        using var daemon = Process.GetProcessById(pid);
        using var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await daemon.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            daemon.Kill(entireProcessTree: true);
        }
    }
}
