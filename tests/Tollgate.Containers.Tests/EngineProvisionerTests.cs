using System.Diagnostics;
using Tollgate.TestSupport;

namespace Tollgate.Containers.Tests;

/// <summary>
/// Provisioning end to end: a dockerd of the test's own on a temporary socket and data root, with no bridge and no
/// iptables rules, so the shared daemon and its networks are untouched. The daemon is stopped (SIGTERM, so its
/// containerd goes with it) and its state removed at the end.
/// </summary>
public sealed class EngineProvisionerTests
{
    [RequiresToolFact("dockerd", ".ci/install.d/10-docker.sh")]
    public async Task When_no_engine_answers_the_provisioner_starts_dockerd_and_the_client_can_use_it()
    {
        EngineProvisioner.CanProvision(out var reason).Should().BeTrue(reason);
        var state = Directory.CreateTempSubdirectory("tg-dockerd-").FullName;
        var socket = Path.Combine(state, "d.sock");
        var log = new TestLog();
        var provisioner = new EngineProvisioner(
            new ProcessRunner(log, new SecretMasker(), new ToolLocator(null)), log, state, socket,
            ["--bridge=none", "--iptables=false", "--ip-masq=false", "--ip6tables=false"]);
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
        }
        finally
        {
            await StopAsync(provisioner.PidFile);
            try
            {
                Directory.Delete(state, recursive: true);
            }
            catch (IOException)
            {
            }
        }
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
