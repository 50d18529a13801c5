using System.Text.Json.Nodes;
using Tollgate.Security.Dependencies;
using Tollgate.Security.Reports;
using Tollgate.Security.Sbom;
using Tollgate.Security.Tests.Support;
using Tollgate.TestSupport;

namespace Tollgate.Security.Tests.Reports;

public class ReportTests
{
    private static readonly RuleDescriptor Df002 = new("DF002", "RunsAsRoot", "Runs as root.", "Add USER.", Severity.High);

    private static ScanReport Sample()
    {
        var high = Finding.Create("dockerfile", "DF002", Severity.High, "The final stage runs as root.", new FindingLocation("src/my app/Dockerfile", 7, 1), "USER root") with { Help = "Add USER." };
        var low = Finding.Create("dockerfile", "DF007", Severity.Low, "No HEALTHCHECK.", new FindingLocation("src/my app/Dockerfile", 1), "FROM x");
        var vulnerable = Finding.Create("image", "GHSA-5crp-9r3c-p9vr", Severity.High, "Newtonsoft.Json 12.0.1 is affected.", new FindingLocation("artifacts/image/image.json", 1) { Image = "app:1", Package = "Newtonsoft.Json@12.0.1" }, "Newtonsoft.Json@12.0.1") with { FixedVersion = "13.0.1" };
        var results = new[]
        {
            ScannerResult.Ran("dockerfile", [Df002], [high, low], 1),
            ScannerResult.Ran("image", [], [vulnerable], 10),
            ScannerResult.NotRun("dependencies", "no advisory source"),
        };
        var ignores = IgnoreFile.Parse($"ignores:\n  - fingerprint: {low.Fingerprint}\n    reason: probed by Kubernetes\n  - rule: DF001\n    reason: old\n    expires: 2020-01-01\n", "i.yaml");
        return ScanReport.Judge(results, new ScanPolicy { Ignores = ignores }, null);
    }

    [Fact]
    public void Sarif_follows_githubs_upload_rules()
    {
        var report = Sample();

        var sarif = JsonNode.Parse(SarifWriter.Write(report.Results[0], report.Suppressed, "1.2.3"))!;

        var run = sarif["runs"]![0]!;
        run["automationDetails"]!["id"]!.GetValue<string>().Should().Be("tollgate-dockerfile/");
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        rules.Select(r => r!["id"]!.GetValue<string>()).Should().Equal("DF002", "DF007");
        rules[0]!["properties"]!["security-severity"]!.GetValue<string>().Should().Be("8.0");
        var results = run["results"]!.AsArray();
        results.Should().HaveCount(2);
        var first = results[0]!;
        first["ruleId"]!.GetValue<string>().Should().Be("DF002");
        first["level"]!.GetValue<string>().Should().Be("error");
        first["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>().Should().Be("src/my%20app/Dockerfile");
        first["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>().Should().Be(7);
        first["partialFingerprints"]![SarifWriter.FingerprintKey]!.GetValue<string>().Should().HaveLength(32);
        results[1]!["suppressions"]![0]!["justification"]!.GetValue<string>().Should().Contain("probed by Kubernetes");
    }

    [Fact]
    public void A_scanner_that_did_not_run_says_so_in_its_sarif()
    {
        var report = Sample();

        var sarif = JsonNode.Parse(SarifWriter.Write(report.Results[2], report.Suppressed, "1.2.3"))!;

        var invocation = sarif["runs"]![0]!["invocations"]![0]!;
        invocation["executionSuccessful"]!.GetValue<bool>().Should().BeFalse();
        invocation["toolExecutionNotifications"]![0]!["message"]!["text"]!.GetValue<string>().Should().Contain("no advisory source");
    }

    [Fact]
    public void Sarif_keeps_the_most_severe_results_under_githubs_limit()
    {
        var findings = Enumerable.Range(0, SarifWriter.MaxResults + 5).Select(i => Finding.Create("secrets", "SEC015", i < 3 ? Severity.Critical : Severity.Low, "m", new FindingLocation("a", i + 1), i.ToString(System.Globalization.CultureInfo.InvariantCulture))).Reverse().ToList();

        var sarif = JsonNode.Parse(SarifWriter.Write(ScannerResult.Ran("secrets", [], findings, 1), [], "1"))!;

        var run = sarif["runs"]![0]!;
        run["results"]!.AsArray().Should().HaveCount(SarifWriter.MaxResults);
        run["results"]![0]!["level"]!.GetValue<string>().Should().Be("error");
        run["invocations"]![0]!["toolExecutionNotifications"]![0]!["message"]!["text"]!.GetValue<string>().Should().StartWith("5 lower-severity");
    }

    [Fact]
    public void Console_markdown_and_json_show_counts_not_run_expired_ignores_and_the_verdict()
    {
        var report = Sample();

        var table = TextReports.ConsoleTable(report);
        var markdown = TextReports.Markdown(report);
        var json = JsonNode.Parse(JsonReportWriter.Write(report))!;

        table.Should().Contain("dockerfile    ran").And.Contain("dependencies: not run: no advisory source").And.Contain("expired ignore entry #2 rule DF001");
        markdown.Should().Contain("| dockerfile | ran | 1 | 0 | 1 | 0 | 0 | 0 | 1 |").And.Contain("**Failed**: 2 finding(s) at or above high; dependencies did not run");
        markdown.Should().Contain("src/my app/Dockerfile:7:1");
        json["passed"]!.GetValue<bool>().Should().BeFalse();
        json["scanners"]![1]!["findings"]![0]!["fixedVersion"]!.GetValue<string>().Should().Be("13.0.1");
        json["suppressed"]!.AsArray().Should().ContainSingle();
    }

    [RequiresSchemasFact]
    public void Sarif_of_every_scanner_and_the_image_sbom_validate_against_the_official_schemas()
    {
        using var directory = new TempDirectory("tollgate-scan");
        var report = Sample();
        var files = report.Results.Select(r => directory.Write(r.Scanner + ".sarif", SarifWriter.Write(r, report.Suppressed, "1.2.3"))).ToArray();
        var bom = directory.Write("image.cdx.json", CycloneDxWriter.Write("app", "1.0", "container", [new Package("NuGet", "Newtonsoft.Json", "13.0.3", "/app/app.deps.json", false), new Package("Debian", "libc6", "2.36-9+deb12u4", "/var/lib/dpkg/status", false), new Package("npm", "@scope/x", "1.0.0", "p", true)], "1.2.3", DateTimeOffset.UnixEpoch));

        var sarif = Repository.Validate("sarif-schema-2.1.0.json", files);
        var cyclonedx = Repository.Validate("bom-1.5.schema.json", bom);

        sarif.ExitCode.Should().Be(0, sarif.Output);
        cyclonedx.ExitCode.Should().Be(0, cyclonedx.Output);
    }

    [RequiresSchemasFact]
    public void The_validator_rejects_an_invalid_file()
    {
        using var directory = new TempDirectory("tollgate-scan");
        var bad = directory.Write("bad.sarif", "{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}");

        Repository.Validate("sarif-schema-2.1.0.json", bad).ExitCode.Should().Be(1);
    }
}
