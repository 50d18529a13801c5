using Tollgate.TestSupport;

namespace Tollgate.Containers.Tests;

[Collection(EngineGroup.Name)]
public sealed class BaseImageTests(EngineFixture fixture)
{
    [RequiresEngineFact]
    public async Task The_runtime_base_image_from_the_host_dotnet_runs_dotnet()
    {
        var runtime = await fixture.RuntimeAsync();
        var container = await fixture.Engine.RunContainerAsync(
            new ContainerSpec(runtime.Reference) { Command = ["dotnet", "--list-runtimes"], Labels = fixture.Labels },
            CancellationToken.None);
        try
        {
            var exitCode = await fixture.Engine.WaitContainerAsync(container.Id, CancellationToken.None);
            var logs = await fixture.Engine.GetLogsAsync(container.Id, null, CancellationToken.None);
            exitCode.Should().Be(0, logs);
            logs.Should().Contain("Microsoft.AspNetCore.App").And.Contain("Microsoft.NETCore.App");
        }
        finally
        {
            await fixture.Engine.RemoveContainerAsync(container.Id, CancellationToken.None);
        }
    }
}
