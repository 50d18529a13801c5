using Tollgate.TestSupport;

namespace Tollgate.Containers.Tests;

[Collection(EngineGroup.Name)]
public sealed class RegistryTests(EngineFixture fixture)
{
    private static readonly RegistryCredentials Login = new("tollgate", "s3cret-" + Guid.NewGuid().ToString("N")[..8]);

    [RequiresToolFact("docker-registry")]
    public async Task I_can_tag_push_to_an_authenticated_registry_and_pull_back_by_digest()
    {
        var runtime = await fixture.RuntimeAsync();
        await using var registry = await TestRegistry.StartAsync(fixture.Log, Login);
        var reference = $"{registry.Address}/tollgate-test/push:{fixture.Session}";
        await BuildSmallImageAsync(runtime, reference);

        var pushed = await fixture.Engine.PushImageAsync(reference, Login, CancellationToken.None);

        pushed.Digest.Should().MatchRegex("^sha256:[0-9a-f]{64}$");
        (await LocalRegistry.CatalogAsync(registry.Address, Login, CancellationToken.None)).Should().Contain("tollgate-test/push");
        await fixture.Engine.RemoveImageAsync(reference, force: true, CancellationToken.None);
        var byDigest = $"{registry.Address}/tollgate-test/push@{pushed.Digest}";
        await fixture.Engine.PullImageAsync(byDigest, Login, CancellationToken.None);
        try
        {
            (await fixture.Engine.InspectImageAsync(byDigest, CancellationToken.None))!.RepoDigests.Should().Contain(byDigest);
        }
        finally
        {
            await fixture.Engine.RemoveImageAsync(byDigest, force: true, CancellationToken.None);
        }
    }

    [RequiresToolFact("docker-registry")]
    public async Task Wrong_registry_credentials_are_reported_clearly_without_a_stack_trace()
    {
        var runtime = await fixture.RuntimeAsync();
        await using var registry = await TestRegistry.StartAsync(fixture.Log, Login);
        var reference = $"{registry.Address}/tollgate-test/denied:{fixture.Session}";
        await BuildSmallImageAsync(runtime, reference);

        var push = () => fixture.Engine.PushImageAsync(reference, Login with { Password = "wrong" }, CancellationToken.None);

        var failure = (await push.Should().ThrowAsync<RegistryException>()).Which;
        failure.IsAuthenticationFailure.Should().BeTrue();
        failure.Message.Should().Contain("unauthorized").And.Contain(registry.Address).And.Contain("--registry-password").And.NotContain("   at ").And.NotContain("wrong");
    }

    private async Task BuildSmallImageAsync(BaseImage runtime, string reference)
    {
        using var context = new TempDirectory();
        context.Write("data.txt", reference);
        context.Write("Dockerfile", $"FROM {runtime.Reference}\nCOPY data.txt /data.txt\n");
        var built = await fixture.Engine.BuildImageAsync(new ImageBuildRequest(context.Path) { Labels = fixture.Labels }, CancellationToken.None);
        await fixture.Engine.TagImageAsync(built.Id, reference, CancellationToken.None);
    }
}
