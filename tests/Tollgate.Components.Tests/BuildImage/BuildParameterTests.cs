using Tollgate.Components.Tests.TestSupport;

namespace Tollgate.Components.Tests.BuildImage;

/// <summary>Bad Build parameters fail the target with a message naming the parameter and the fix, without a stack trace.</summary>
public sealed class BuildParameterTests
{
    [RequiresToolFact("dockerd")]
    public async Task A_build_argument_without_a_value_is_reported_with_the_expected_form()
    {
        var (exitCode, output) = await RunBuildAsync("--image-build-args", "BASE_IMAGE");

        exitCode.Should().NotBe(0);
        output.Should().Contain("--image-build-args BASE_IMAGE: expected NAME=value").And.NotContain("   at ");
    }

    [RequiresToolFact("dockerd")]
    public async Task An_unknown_base_image_mode_is_reported_with_the_known_ones()
    {
        var (exitCode, output) = await RunBuildAsync("--base-images", "cloud");

        exitCode.Should().NotBe(0);
        output.Should().Contain("--base-images cloud is not known; use auto, host or pull").And.NotContain("   at ");
    }

    [RequiresToolFact("dockerd")]
    public async Task An_unknown_builder_is_reported_with_the_known_ones()
    {
        var (exitCode, output) = await RunBuildAsync("--base-images", "pull", "--image-builder", "kaniko");

        exitCode.Should().NotBe(0);
        output.Should().Contain("--image-builder kaniko is not known; use engine or sdk").And.NotContain("   at ");
    }

    [RequiresToolFact("dockerd")]
    public async Task A_local_registry_port_out_of_range_is_reported_with_the_valid_range()
    {
        using var root = new TempDirectory();
        root.Write("Dockerfile", "FROM scratch\n");
        await new GitRepository(root).InitAsync();

        var (exitCode, output, _) = await GitHubRun.RunAsync(
            new BuildImageBuild(), root.Path, "Build", "--local-registry-port", "70000", "--image-dockerfile", "Dockerfile", "--provision-engine", "false");

        exitCode.Should().NotBe(0);
        output.Should().Contain("--local-registry-port 70000 is not a TCP port; give one from 1 to 65535").And.NotContain("   at ");
        Directory.Exists(root[".nuke/temp/registry"]).Should().BeFalse("no registry is started");
    }

    /// <summary>Build in a fresh git repository, pushing to a registry given explicitly (so no local registry is started).</summary>
    private static async Task<(int ExitCode, string Output)> RunBuildAsync(params string[] arguments)
    {
        using var root = new TempDirectory();
        root.Write("Dockerfile", "FROM scratch\n");
        var git = new GitRepository(root);
        await git.InitAsync();
        var (exitCode, output, _) = await GitHubRun.RunAsync(
            new BuildImageBuild(), root.Path, ["Build", "--registry", "127.0.0.1:1", "--image-dockerfile", "Dockerfile", "--provision-engine", "false", .. arguments]);
        return (exitCode, output);
    }
}
