namespace Tollgate.GlobalTool.Tests;

/// <summary>
/// A new user's path, end to end on the packed packages: install the tool, :setup, :add, then builds with a
/// parameter, a secret and a failing test. One class, one fixture: packing and the first compile take minutes.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class AdoptionTests(AdoptionFixture fixture) : IClassFixture<AdoptionFixture>
{
    private const string Secret = "tok-3f9a7c21e";

    [Fact]
    public void Setup_and_add_report_what_they_changed()
    {
        fixture.SetupOutput.Should().Contain("created build/_build.csproj").And.Contain("created build.sh").And.Contain("created .gitignore");
        fixture.AddOutput.Should().Contain("added IUnitTest (Tollgate.Components.Testing) to build/Build.cs");
        File.ReadAllText(Path.Combine(fixture.Repository, "build", "_build.csproj")).Should().Contain($"Version=\"{fixture.Version}\"");
    }

    [Fact]
    public async Task A_build_with_a_parameter_and_a_secret_runs_from_a_subfolder_and_masks_the_secret()
    {
        AddGreetTarget();
        var environment = new Dictionary<string, string> { ["API_TOKEN"] = Secret };

        var (exitCode, output) = await fixture.TollgateAsync("src/Calculator", environment, "Greet", "--greeting", "hello-adopter");

        exitCode.Should().Be(0, output);
        output.Should().Contain("Greet │ ✔ bash -c").And.NotContain(Secret);
        output.TrimEnd().Split('\n')[^1].Should().Contain("Build succeeded");
        var commandOutput = File.ReadAllText(Path.Combine(fixture.Repository, ".nuke", "temp", "logs", "Greet.1.bash.log"));
        commandOutput.Should().Contain("greeting=hello-adopter token=***").And.NotContain(Secret);
    }

    [Fact]
    public async Task A_failing_test_fails_the_build_and_names_the_test()
    {
        var (exitCode, output) = await fixture.TollgateAsync(".", null, "UnitTest");

        exitCode.Should().Be(1, output);
        output.Should().Contain("Two_plus_two_is_four");
        output.TrimEnd().Split('\n')[^1].Should().Contain("Build failed");
    }

    [Fact]
    public async Task The_build_lists_its_targets_and_parameters_with_help()
    {
        var (exitCode, output) = await fixture.TollgateAsync(".", null, "--help", "--no-logo");

        exitCode.Should().Be(0, output);
        output.Should().Contain("Compile").And.Contain("UnitTest").And.Contain("--configuration");
    }

    [Fact]
    public async Task The_readme_example_compiles_against_the_packages_with_warnings_as_errors()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md"));
        var section = readme[readme.IndexOf("## Writing a build", StringComparison.Ordinal)..];
        var start = section.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        var code = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
        var project = Path.Combine(fixture.Repository, "readme-example");
        Directory.CreateDirectory(project);
        await File.WriteAllTextAsync(Path.Combine(project, "Build.cs"), code);
        await File.WriteAllTextAsync(Path.Combine(project, "ReadmeExample.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Tollgate.Components" Version="{fixture.Version}" />
              </ItemGroup>
            </Project>
            """);

        var (exitCode, output) = await ProcessRun.RunAsync("dotnet", project, null, TimeSpan.FromMinutes(5), "build", "-nologo", "-v", "q");

        exitCode.Should().Be(0, output);
    }

    private void AddGreetTarget()
    {
        var buildFile = Path.Combine(fixture.Repository, "build", "Build.cs");
        lock (typeof(AdoptionTests))
        {
            var text = File.ReadAllText(buildFile);
            if (text.Contains("Target Greet", StringComparison.Ordinal))
            {
                return;
            }

            var insertAt = text.LastIndexOf('}');
            File.WriteAllText(buildFile, text[..insertAt] + """

                    [Parameter("Who to greet")]
                    readonly string Greeting = "hi";

                    [Parameter("API token"), Secret]
                    readonly string? ApiToken = null;

                    Target Greet => _ => _
                        .Requires(() => ApiToken)
                        .Executes(ct => Processes.RunAsync(
                            new CommandSpec("bash").WithArguments("-c", "echo \"greeting=$1 token=$2\"", "bash", Greeting, ApiToken!), ct));
                }

                """);
        }
    }
}
