using Tollgate.Containers;

namespace Tollgate.Components.BuildImage;

/// <summary>Finds the engine; when none answers, provisions dockerd if allowed and possible.</summary>
internal static class EngineProvisioning
{
    public static async Task<EngineInfo> ConnectAsync(IBuildImage build, CancellationToken cancellationToken)
    {
        try
        {
            var engine = await new EngineLocator().LocateAsync(cancellationToken).ConfigureAwait(false);
            build.Log.Debug($"Container engine: {engine}");
            return engine;
        }
        catch (EngineNotFoundException notFound) when (build.ProvisionEngine ?? true)
        {
            var provisioner = new EngineProvisioner(build.Processes, build.Log, build.TemporaryDirectory / "docker");
            if (!EngineProvisioner.CanProvision(out var reason))
            {
                throw new EngineNotFoundException(notFound.Message + $"\nTollgate did not start one itself: {reason}.") { Attempts = notFound.Attempts };
            }

            return await provisioner.ProvisionAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
