namespace Tollgate.Components.Tests.TestSupport;

/// <summary>
/// A tiny solution for real <c>dotnet test</c> runs: Lib (Add covered, Sub not: 25 % line coverage) and Lib.Tests
/// (xunit + coverlet.collector) with a passing smoke test and a failing test. Its own props files keep the
/// repository's central package management and analyzers out.
/// </summary>
public static class ScratchSolution
{
    public static void Write(TempDirectory directory)
    {
        directory.Write("Directory.Build.props", "<Project />");
        directory.Write("Directory.Packages.props", "<Project />");
        directory.Write(".gitignore", "bin/\nobj/\n.nuke/\nartifacts/\n");
        directory.Write("src/Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        directory.Write("src/Lib/Calc.cs", "namespace Lib;\npublic static class Calc\n{\n    public static int Add(int a, int b) => a + b;\n    public static int Sub(int a, int b)\n    {\n        return a - b;\n    }\n}\n");
        directory.Write("tests/Lib.Tests/Lib.Tests.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><IsTestProject>true</IsTestProject></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
                <PackageReference Include="coverlet.collector" Version="6.0.4" />
                <ProjectReference Include="../../src/Lib/Lib.csproj" />
              </ItemGroup>
            </Project>
            """);
        directory.Write("tests/Lib.Tests/CalcTests.cs", """
            using Xunit;
            namespace Lib.Tests;
            public class CalcTests
            {
                [Fact, Trait("Category", "Smoke")]
                public void Adds() => Assert.Equal(3, Calc.Add(1, 2));

                [Fact]
                public void Fails() => Assert.Equal(5, Calc.Add(1, 2));
            }
            """);
    }
}
