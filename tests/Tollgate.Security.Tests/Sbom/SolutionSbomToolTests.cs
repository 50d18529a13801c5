using Tollgate.Security.Sbom;
using Tollgate.Security.Tests.Support;
using Tollgate.TestSupport;

namespace Tollgate.Security.Tests.Sbom;

/// <summary>The real CycloneDX dotnet tool (the repository's local tool, .config/dotnet-tools.json) on a small project.</summary>
public class SolutionSbomToolTests
{
    [RequiresSchemasFact]
    public async Task The_cyclonedx_tool_writes_a_valid_1_5_bom_of_the_projects_packages_and_licences_are_checked()
    {
        using var directory = new TempDirectory("tollgate-sbom");
        directory.Write(".config/dotnet-tools.json", File.ReadAllText(Path.Combine(Repository.Root, ".config", "dotnet-tools.json")));
        directory.Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="YamlDotNet" Version="16.3.0" /></ItemGroup>
            </Project>
            """);
        directory.Write("App/Program.cs", "System.Console.WriteLine(new YamlDotNet.Serialization.SerializerBuilder().Build().Serialize(1));\n");
        // The tool is restored as CI does (.ci/install.d/30-scan.sh): a failure here is a failure, never a skip.
        Repository.Run("dotnet", directory.Path, "tool", "restore").ExitCode.Should().Be(0);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var result = await new SolutionSbomScanner(directory.Path, "App/App.csproj", Path.Combine(directory.Path, "out"), new LicensePolicy([], ["MIT"]))
            .ScanAsync(timeout.Token);

        result.Status.Should().Be(ScannerStatus.Ran, result.Reason);
        var bom = Path.Combine(directory.Path, "out", SolutionSbomScanner.FileName);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(bom))!;
        json["specVersion"]!.GetValue<string>().Should().Be("1.5");
        json["components"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Should().Contain("YamlDotNet");
        result.Findings.Should().Contain(f => f.Message.Contains("YamlDotNet", StringComparison.Ordinal), "YamlDotNet is MIT-licensed and MIT is denied here");
        var validation = Repository.Validate("bom-1.5.schema.json", bom);
        validation.ExitCode.Should().Be(0, validation.Output);
    }
}
