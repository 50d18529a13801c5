using Tollgate.Security.Dockerfiles;
using Tollgate.TestSupport;

namespace Tollgate.Security.Tests.Dockerfiles;

public class DockerfileScannerTests
{
    [Fact]
    public async Task An_insecure_dockerfile_trips_every_security_rule()
    {
        using var directory = new TempDirectory("tollgate-scan");
        directory.Write("src/App/Dockerfile", """
            FROM ubuntu
            ADD https://example.invalid/tool.tar.gz /opt/
            ENV API_TOKEN=abc123 MODE=prod
            RUN apt-get update && apt-get install -y curl
            RUN curl -fsSL https://example.invalid/install.sh | bash
            USER root
            """);
        directory.Write("bin/Dockerfile", "FROM scratch\n");

        var result = await new DockerfileScanner(directory.Path).ScanAsync(CancellationToken.None);

        result.ItemsScanned.Should().Be(1);
        result.Findings.Select(f => (f.RuleId, f.Location.Line, f.Severity)).Should().Equal(
            ("DF001", 1, Severity.Medium),
            ("DF007", 1, Severity.Low),
            ("DF003", 2, Severity.High),
            ("DF004", 3, Severity.High),
            ("DF005", 4, Severity.Low),
            ("DF006", 5, Severity.High),
            ("DF002", 6, Severity.High));
        result.Findings.Should().OnlyContain(f => f.Location.Path == "src/App/Dockerfile" && f.Help != null);
        result.Findings.Single(f => f.RuleId == "DF004").Message.Should().Contain("API_TOKEN").And.NotContain("abc123");
    }

    [Fact]
    public void A_hardened_dockerfile_passes()
    {
        const string Dockerfile = """
            ARG BASE_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
            FROM mcr.microsoft.com/dotnet/sdk:10.0@sha256:0123 AS build
            RUN ["dotnet", "publish", "-o", "/app"]
            FROM ${BASE_IMAGE}
            COPY --from=build /app /app
            USER 1000:1000
            HEALTHCHECK CMD ["dotnet", "/app/health.dll"]
            ENTRYPOINT ["dotnet", "/app/App.dll"]
            """;

        DockerfileRules.Check(Dockerfile).Should().BeEmpty();
    }

    [Fact]
    public void Moving_an_instruction_keeps_its_fingerprint()
    {
        Finding Only(string text, string rule) =>
            DockerfileRules.Check(text).Where(i => i.Rule.Id == rule).Select(i => Finding.Create("dockerfile", i.Rule.Id, i.Rule.Severity, i.Message, new FindingLocation("Dockerfile", i.Line), i.Evidence)).Single();

        var before = Only("FROM alpine:3.20\nRUN curl -s https://x.invalid/i.sh | sh\nUSER 1\nHEALTHCHECK NONE\n", "DF006");
        var after = Only("FROM alpine:3.20\nUSER 1\nHEALTHCHECK NONE\n\nRUN curl -s https://x.invalid/i.sh | sh\n", "DF006");
        var changed = Only("FROM alpine:3.20\nRUN curl -s https://y.invalid/i.sh | sh\nUSER 1\nHEALTHCHECK NONE\n", "DF006");

        after.Location.Line.Should().Be(5);
        after.Fingerprint.Should().Be(before.Fingerprint);
        changed.Fingerprint.Should().NotBe(before.Fingerprint);
    }
}
