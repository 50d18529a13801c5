using System.Globalization;
using Tollgate.TestSupport;

namespace Tollgate.GlobalTool.Tests;

/// <summary>
/// Adopts Tollgate as a new user would, once for the whole class: packs the packages (Release) into a local folder
/// feed, makes a git repository with a library and a test project (one test fails), installs the global tool from
/// the feed with <c>dotnet tool install --tool-path</c>, and runs <c>tollgate :setup</c> and <c>tollgate :add</c>.
/// </summary>
public sealed class AdoptionFixture : IAsyncLifetime, IDisposable
{
    private static readonly string[] PackedProjects = ["Tollgate", "Tollgate.GitHubActions", "Tollgate.Evaluation", "Tollgate.Containers", "Tollgate.Security", "Tollgate.Deployment", "Tollgate.Components", "Tollgate.GlobalTool"];

    private readonly TempDirectory _directory = new("tollgate-adoption");

    /// <summary>A version no earlier run has put into the NuGet cache.</summary>
    public string Version { get; } = "0.0.1-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public string Feed => _directory["feed"];

    public string Repository => _directory["repo"];

    public string Tool => Path.Combine(_directory["tools"], "tollgate");

    public string SetupOutput { get; private set; } = string.Empty;

    public string AddOutput { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        foreach (var project in PackedProjects)
        {
            await Run("dotnet", RepositoryFiles.Root, TimeSpan.FromMinutes(10),
                "pack", Path.Combine(RepositoryFiles.Root, "src", project), "-c", "Release", "-o", Feed, "-nologo", $"-p:MinVerVersionOverride={Version}");
        }

        WriteRepository();
        await Run("git", Repository, TimeSpan.FromMinutes(1), "init", "-q");
        await Run("dotnet", _directory.Path, TimeSpan.FromMinutes(5),
            "tool", "install", "Tollgate.GlobalTool", "--tool-path", _directory["tools"], "--add-source", Feed, "--version", Version);
        SetupOutput = await Run(Tool, Repository, TimeSpan.FromMinutes(2),
            ":setup", "--yes", "--tollgate-version", Version, "--solution", "Calculator.slnx");
        AddOutput = await Run(Tool, Path.Combine(Repository, "src"), TimeSpan.FromMinutes(1), ":add", "unittest");
        await Run("git", Repository, TimeSpan.FromMinutes(1), "add", "-A");
        await Run("git", Repository, TimeSpan.FromMinutes(1), "-c", "user.name=Adopter", "-c", "user.email=adopter@example.com", "commit", "-qm", "Adopt Tollgate");
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>Runs the installed tool in the repository (or a folder under it).</summary>
    public Task<(int ExitCode, string Output)> TollgateAsync(string relativeFolder, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        ProcessRun.RunAsync(Tool, Path.Combine(Repository, relativeFolder), environment, TimeSpan.FromMinutes(10), args);

    private static async Task<string> Run(string fileName, string directory, TimeSpan timeout, params string[] args)
    {
        var (exitCode, output) = await ProcessRun.RunAsync(fileName, directory, null, timeout, args);
        return exitCode == 0 ? output : throw new InvalidOperationException($"{fileName} {string.Join(' ', args)} exited with {exitCode}:\n{output}");
    }

    private void WriteRepository()
    {
        Directory.CreateDirectory(Repository);
        void Write(string path, string text) => File.WriteAllText(Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Repository, path))!).FullName + "/" + Path.GetFileName(path), text);

        // The feed first; the user's own NuGet sources (for xunit and the packages' dependencies) still apply.
        Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="tollgate-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        Write(".gitignore", "bin/\nobj/\n");
        Write("Calculator.slnx", """
            <Solution>
              <Project Path="src/Calculator/Calculator.csproj" />
              <Project Path="tests/Calculator.Tests/Calculator.Tests.csproj" />
            </Solution>
            """);
        Write("src/Calculator/Calculator.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
            </Project>
            """);
        Write("src/Calculator/Adder.cs", "namespace Calculator;\n\npublic static class Adder\n{\n    public static int Add(int a, int b) => a - b;\n}\n");
        Write("tests/Calculator.Tests/Calculator.Tests.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><IsPackable>false</IsPackable></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
                <PackageReference Include="coverlet.collector" Version="6.0.4" />
                <ProjectReference Include="../../src/Calculator/Calculator.csproj" />
              </ItemGroup>
            </Project>
            """);
        Write("tests/Calculator.Tests/AdderTests.cs", """
            namespace Calculator.Tests;

            public class AdderTests
            {
                [Xunit.Fact]
                public void Two_plus_two_is_four() => Xunit.Assert.Equal(4, Adder.Add(2, 2));
            }
            """);
    }
}
