using System.Text.Json.Nodes;
using Tollgate.Security.Sbom;
using Tollgate.TestSupport;

namespace Tollgate.Security.Tests.Sbom;

/// <summary>Licence checks on a BOM shaped like the CycloneDX dotnet tool's JSON output (hand-written fixture).</summary>
public sealed class LicensePolicyTests
{
    private static JsonNode Bom() => JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sbom", "solution.cdx.json")))!;

    [Fact]
    public void The_default_policy_denies_copyleft_but_not_a_dual_licence_with_a_permissive_choice()
    {
        var findings = LicensePolicy.Default.Check(Bom(), "sbom", "artifacts/scan/sbom/solution.cdx.json");

        findings.Select(f => (f.RuleId, f.Location.Package, f.Severity)).Should().BeEquivalentTo(new[]
        {
            ("LIC001", "Fixture.Copyleft@1.0.0", Severity.High),
            ("LIC003", "Fixture.NoLicense@0.1.0", Severity.Info),
        });
        findings.Should().OnlyContain(f => f.Location.Path == "artifacts/scan/sbom/solution.cdx.json");
        findings[0].Message.Should().Contain("AGPL-3.0-only");
    }

    [Fact]
    public void An_allow_list_flags_every_component_without_an_allowed_choice()
    {
        var policy = new LicensePolicy(["MIT", "Apache-*"], []);

        var findings = policy.Check(Bom(), "sbom", "solution.cdx.json");

        findings.Where(f => f.RuleId == "LIC002").Select(f => f.Location.Package).Should().BeEquivalentTo("Fixture.Copyleft@1.0.0", "Fixture.NamedLicense@1.0.0");
    }

    [Fact]
    public void The_fingerprint_changes_when_a_components_licence_changes()
    {
        var before = LicensePolicy.Default.Check(Bom(), "sbom", "solution.cdx.json").Single(f => f.RuleId == "LIC001");
        var changed = Bom();
        changed["components"]![2]!["licenses"]![0]!["expression"] = "SSPL-1.0";

        var after = LicensePolicy.Default.Check(changed, "sbom", "solution.cdx.json").Single(f => f.RuleId == "LIC001");

        after.Fingerprint.Should().NotBe(before.Fingerprint);
    }

    [Fact]
    public async Task Without_the_cyclonedx_tool_manifest_the_solution_sbom_is_not_run_with_the_command_and_the_fix()
    {
        using var directory = new TempDirectory("tollgate-sbom");
        directory.Write("App.slnx", "<Solution />");

        var result = await new SolutionSbomScanner(directory.Path, "App.slnx", directory["out"], LicensePolicy.Default).ScanAsync(CancellationToken.None);

        result.Status.Should().Be(ScannerStatus.NotRun);
        result.Reason.Should().Contain("dotnet tool run dotnet-CycloneDX").And.Contain("dotnet tool restore");
    }
}
