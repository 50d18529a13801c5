using Tollgate.Security.Dependencies;
using Tollgate.TestSupport;

namespace Tollgate.Security.Tests.Dependencies;

public class DependencyScannerTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static TempDirectory Project()
    {
        var directory = new TempDirectory("tollgate-scan");
        directory.Write("src/App/obj/project.assets.json", File.ReadAllText(Fixture("project.assets.json")));
        directory.Write("web/package-lock.json", File.ReadAllText(Fixture("package-lock.json")));
        directory.Write("web/node_modules/lodash/package-lock.json", "{ not json");
        return directory;
    }

    [Fact]
    public void Resolved_packages_come_from_assets_and_lockfiles_with_direct_and_transitive_marked()
    {
        using var directory = Project();

        var packages = LockfileReader.ReadAll(directory.Path);

        packages.Should().Contain(new Package("NuGet", "Newtonsoft.Json", "12.0.1", "src/App/obj/project.assets.json", Direct: false));
        packages.Should().Contain(new Package("NuGet", "Serilog", "4.0.0", "src/App/obj/project.assets.json", Direct: true));
        packages.Should().Contain(new Package("npm", "lodash", "4.17.20", "web/package-lock.json", Direct: true));
        packages.Should().Contain(new Package("npm", "@scope/util", "1.0.0", "web/package-lock.json", Direct: false));
        packages.Should().NotContain(p => p.Name == "App");
    }

    [Fact]
    public async Task Vulnerable_packages_are_found_with_the_fixed_version_from_an_osv_directory()
    {
        using var directory = Project();

        var result = await new DependencyScanner(directory.Path, Fixture("osv")).ScanAsync(CancellationToken.None);

        result.Findings.Select(f => (f.RuleId, f.Location.Package, f.Severity, f.FixedVersion)).Should().BeEquivalentTo(new[]
        {
            ("GHSA-5crp-9r3c-p9vr", "Newtonsoft.Json@12.0.1", Severity.High, "13.0.1"),
            ("GHSA-35jh-r3h4-6jhm", "lodash@4.17.20", Severity.High, "4.17.21"),
        });
        result.Findings.First(f => f.RuleId.StartsWith("GHSA-5crp", StringComparison.Ordinal)).Message.Should().Contain("(transitive)").And.Contain("CVE-2024-21907");
        result.Rules.Should().HaveCount(2);
    }

    [Fact]
    public async Task An_osv_zip_works_like_a_directory()
    {
        using var directory = Project();
        System.IO.Compression.ZipFile.CreateFromDirectory(Fixture("osv"), directory["osv.zip"]);

        var result = await new DependencyScanner(directory.Path, "osv.zip").ScanAsync(CancellationToken.None);

        result.Findings.Should().HaveCount(2);
    }

    [Fact]
    public async Task Without_an_advisory_source_the_scanner_is_not_run()
    {
        using var directory = Project();

        var result = await new DependencyScanner(directory.Path, null).ScanAsync(CancellationToken.None);

        result.Status.Should().Be(ScannerStatus.NotRun);
        result.Reason.Should().Contain("--scan-advisories");
    }

    [Fact]
    public async Task A_missing_advisory_source_is_an_error_naming_it()
    {
        using var directory = Project();

        var act = () => new DependencyScanner(directory.Path, "nowhere").ScanAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<ScanException>()).Which.Message.Should().Contain("'nowhere' does not exist");
    }

    [Theory]
    [InlineData("13.0.1", "13.0.1", 0)]
    [InlineData("13.0", "13.0.0.0", 0)]
    [InlineData("12.0.3", "13.0.1", -1)]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.10", -1)]
    [InlineData("1.0.0-rc.1", "1.0.0", -1)]
    [InlineData("1.0.0+build", "1.0.0", 0)]
    [InlineData("2.0.0-alpha", "1.9.9", 1)]
    public void Versions_compare_like_nuget_and_semver(string a, string b, int sign)
    {
        Math.Sign(PackageVersion.Compare(a, b)).Should().Be(sign);
    }

    [Fact]
    public void Ranges_with_last_affected_and_explicit_versions_are_honoured()
    {
        var affected = new OsvAffected("npm", "x", [[new OsvEvent("introduced", "1.0.0"), new OsvEvent("last_affected", "1.2.0")]], ["0.9.0"]);

        affected.Affects("1.2.0", out _).Should().BeTrue();
        affected.Affects("1.2.1", out _).Should().BeFalse();
        affected.Affects("0.9.0", out _).Should().BeTrue();
        affected.Affects("0.9.5", out _).Should().BeFalse();
    }
}
