using System.Text;
using Docker.DotNet.Models;
using Tollgate.Containers.Internal;
using Tollgate.TestSupport;

namespace Tollgate.Containers.Tests;

public sealed class StreamParsingTests
{
    [Fact]
    public void The_build_stream_gives_steps_resolved_base_images_the_image_id_and_the_failing_step()
    {
        var log = new TestLog();
        var output = new BuildOutput(log, new Dictionary<string, string> { ["SDK"] = "localhost/sdk:1" });
        foreach (var chunk in new[] { "Step 1/5 : ARG BASE=localhost/runtime:1\n", "Step 2/5 : FROM ${SDK} AS build\n ---> abc\n", "Step 3/5 : FROM $BASE\n", "Step 4/5 : COPY --from=build /a /a\n", "Step 5/5 : RUN [\"false\"]\n", " ---> Running in 123\npartial" })
        {
            output.Report(new JSONMessage { Stream = chunk });
        }

        output.Report(new JSONMessage { Error = new JSONError { Message = "The command '/bin/sh -c false' returned a non-zero code: 1" } });
        output.Report(new JSONMessage { Error = new JSONError { Message = "a second error is not the first" } });

        output.BaseImages.Should().Equal("localhost/sdk:1", "localhost/runtime:1");
        output.Error.Should().Be("The command '/bin/sh -c false' returned a non-zero code: 1");
        output.ErrorStep.Should().Be("Step 5/5 : RUN [\"false\"]");
        output.Tail.Should().EndWith("partial");
        log.Lines.Should().Contain("Information:   Step 2/5 : FROM ${SDK} AS build");
    }

    [Fact]
    public void The_image_id_comes_from_aux_or_from_the_successfully_built_line()
    {
        var fromLine = new BuildOutput(new TestLog(), new Dictionary<string, string>());
        fromLine.Report(new JSONMessage { Stream = "Successfully built 0123abcd\n" });
        fromLine.ImageId.Should().Be("0123abcd");

        var fromAux = new BuildOutput(new TestLog(), new Dictionary<string, string>());
        fromAux.Report(System.Text.Json.JsonSerializer.Deserialize<JSONMessage>("""{"aux":{"ID":"sha256:feed"}}""")!);
        fromAux.ImageId.Should().Be("sha256:feed");
    }

    [Fact]
    public void The_push_stream_gives_the_digest_and_recognises_refused_credentials()
    {
        var output = new PushOutput(new TestLog());
        output.Report(new JSONMessage { Status = "latest: digest: sha256:" + new string('c', 64) + " size: 528" });

        output.Digest.Should().Be("sha256:" + new string('c', 64));
        PushOutput.IsAuthenticationFailure("unauthorized: authentication required").Should().BeTrue();
        PushOutput.IsAuthenticationFailure("connection refused").Should().BeFalse();
    }

    [Theory]
    [InlineData("127.0.0.1:5000/app:1.2", "127.0.0.1:5000/app", "1.2", null, "127.0.0.1:5000")]
    [InlineData("127.0.0.1:5000/app", "127.0.0.1:5000/app", null, null, "127.0.0.1:5000")]
    [InlineData("localhost/tollgate/dotnet-runtime:10.0.12", "localhost/tollgate/dotnet-runtime", "10.0.12", null, "localhost")]
    [InlineData("library/nginx@sha256:abc", "library/nginx", null, "sha256:abc", "docker.io")]
    public void Image_references_split_into_repository_tag_digest_and_registry(string reference, string repository, string? tag, string? digest, string registry)
    {
        var parsed = ImageReference.Parse(reference);

        parsed.Should().Be(new ImageReference(repository, tag, digest));
        parsed.Registry.Should().Be(registry);
    }

    [Fact]
    public void Credentials_come_from_the_auths_of_the_docker_config_and_never_print_the_password()
    {
        using var directory = new TempDirectory();
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes("me:pa:ss"));
        var config = directory.Write("config.json", "{\"auths\":{\"http://127.0.0.1:5001\":{\"auth\":\"" + auth + "\"}}}");

        var found = DockerConfigCredentials.Find("127.0.0.1:5001", config);

        found.Should().Be(new RegistryCredentials("me", "pa:ss"));
        found!.ToString().Should().NotContain("pa:ss");
        DockerConfigCredentials.Find("127.0.0.1:5002", config).Should().BeNull();
    }

    [Fact]
    public void A_broken_docker_config_is_reported_with_its_path()
    {
        using var directory = new TempDirectory();
        var config = directory.Write("config.json", "{ not json");

        var find = () => DockerConfigCredentials.Find("127.0.0.1:5001", config);

        find.Should().Throw<ContainerException>().Which.Message.Should().Contain(config).And.Contain("docker login");
    }

    [Fact]
    public void The_sdk_builder_runs_publish_with_the_container_target_and_registry_properties() =>
        SdkContainerPublisher.Arguments(new SdkPublishRequest("app.csproj", "127.0.0.1:5000", "app", ["main", "0123456"], "127.0.0.1:5000/base:1", new Dictionary<string, string> { ["org.opencontainers.image.version"] = "1.2.3" }))
            .Should().Equal("publish", "app.csproj", "-c", "Release", "-t:PublishContainer", "-p:UseAppHost=false", "-p:ContainerRegistry=127.0.0.1:5000",
                "-p:ContainerRepository=app", "-p:ContainerImageTags=\"main;0123456\"", "-p:ContainerBaseImage=127.0.0.1:5000/base:1", "-p:ContainerUser=1654", "-p:ContainerImageVersion=1.2.3");

    [Fact]
    public void Labels_name_the_session_and_owner()
    {
        var labels = TollgateLabels.For("abc", "tests");

        labels.Should().Equal(new Dictionary<string, string> { [TollgateLabels.Managed] = "true", [TollgateLabels.Session] = "abc", [TollgateLabels.Owner] = "tests" });
        TollgateLabels.SessionFilter("abc").Should().Be("build.tollgate.session=abc");
        TollgateLabels.NewSession().Should().HaveLength(12);
    }
}
