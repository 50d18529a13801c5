using Tollgate.Components.Lint;

namespace Tollgate.Components.Tests.Lint;

public class DockerfileLinterTests
{
    [Fact]
    [Trait("Category", "Smoke")]
    public void A_multi_stage_dockerfile_on_an_arg_base_with_a_non_root_user_passes()
    {
        const string Dockerfile = """
            # syntax=docker/dockerfile:1
            ARG BASE_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            RUN apt-get update \
                && apt-get install -y --no-install-recommends jq
            COPY . /src
            FROM build AS publish
            RUN dotnet publish -o /app
            FROM ${BASE_IMAGE}
            ARG API_KEY
            ENV ASPNETCORE_URLS=http://+:8080 DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
            COPY --from=publish /app /app
            USER 1000:1000
            ENTRYPOINT ["dotnet", "/app/App.dll"]
            """;

        DockerfileLinter.Lint(Dockerfile, "Dockerfile").Should().BeEmpty();
    }

    [Fact]
    public void Each_rule_reports_its_problem_at_the_instruction_line()
    {
        const string Dockerfile = """
            FROM ubuntu
            FROM node:latest AS web
            ADD https://example.invalid/tool.tar.gz /opt/
            ENV OPENAI_API_KEY=sk-live-123 MODE=prod
            ENV DB_PASSWORD hunter2
            ARG GITHUB_TOKEN=ghp_abc
            RUN apt-get update && \
                apt-get install -y curl
            USER root
            """;

        var diagnostics = DockerfileLinter.Lint(Dockerfile, "src/App/Dockerfile");

        diagnostics.Select(d => (d.Code, d.Line, d.Severity)).Should().Equal(
            ("DF001", 1, LogLevel.Warning),
            ("DF001", 2, LogLevel.Warning),
            ("DF003", 3, LogLevel.Error),
            ("DF004", 4, LogLevel.Error),
            ("DF004", 5, LogLevel.Error),
            ("DF004", 6, LogLevel.Error),
            ("DF005", 7, LogLevel.Warning),
            ("DF002", 9, LogLevel.Error));
        diagnostics[3].Message.Should().Contain("'OPENAI_API_KEY'").And.NotContain("sk-live-123");
        diagnostics.Should().OnlyContain(d => d.File == "src/App/Dockerfile");
    }

    [Fact]
    public void A_final_stage_without_user_runs_as_root_and_is_reported_at_its_from()
    {
        var diagnostics = DockerfileLinter.Lint("FROM alpine:3.20 AS build\nUSER app\nFROM alpine:3.20\nCMD [\"sh\"]\n", "Dockerfile");

        var root = diagnostics.Should().ContainSingle().Subject;
        root.Code.Should().Be("DF002");
        root.Line.Should().Be(3);
        root.Message.Should().Contain("runs as root");
    }
}
