using System.Text.Json;
using Tollgate.Components.Tests.TestSupport;

namespace Tollgate.Components.Tests.Scan;

/// <summary>
/// IScan through the real engine on the GitHub Actions host, in a temporary git repository whose secrets are planted at
/// run time: the gate and its threshold, scanners that could not run, the ignore file, the baseline, history, and the
/// reports (JSON, Markdown, SARIF) in artifacts/scan and the step summary.
/// </summary>
public sealed class ScanComponentTests : IDisposable
{
    private readonly TempDirectory _root = new("tollgate-scan-component");
    private readonly GitRepository _git;

    public ScanComponentTests()
    {
        _git = new GitRepository(_root);
        _root.Write(".gitignore", "artifacts/\n.nuke/\nstep-summary.md\n");
        _root.Write("README.md", "A repository the Scan component tests plant secrets in.\n");
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_planted_high_secret_fails_the_gate_with_an_annotation_and_redacted_JSON_Markdown_and_SARIF_reports()
    {
        var jwt = await PlantJwtAsync();

        var (exitCode, output, summary) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "secrets");

        exitCode.Should().Be(1);
        output.Should().Contain("::error file=config/app.env,line=2,").And.Contain("title=SEC014::high: ");
        output.Should().Contain("Scan gate failed: 1 finding(s) at or above high")
            .And.Contain("accept one with a reason in .tollgate/scan-ignore.yaml");
        output.Should().NotContain("   at Tollgate.", "a failed gate is reported without a stack trace");
        summary.Should().Contain("### Scan").And.Contain("| secrets | ran |").And.Contain("| high | SEC014 | config/app.env:2").And.Contain("**Failed**");

        using var json = ReadJson("artifacts/scan/scan.json");
        json.RootElement.GetProperty("passed").GetBoolean().Should().BeFalse();
        json.RootElement.GetProperty("failOn").GetString().Should().Be("high");
        var finding = json.RootElement.GetProperty("scanners")[0].GetProperty("findings").EnumerateArray().ToList().Should().ContainSingle().Subject;
        (finding.GetProperty("ruleId").GetString(), finding.GetProperty("path").GetString(), finding.GetProperty("line").GetInt32()).Should().Be(("SEC014", "config/app.env", 2));
        File.ReadAllText(_root["artifacts/scan/scan.md"]).Should().Contain("### Scan").And.Contain("| high | SEC014 |");

        using var sarif = ReadJson("artifacts/scan/secrets.sarif");
        sarif.RootElement.GetProperty("version").GetString().Should().Be("2.1.0");
        var run = sarif.RootElement.GetProperty("runs")[0];
        run.GetProperty("automationDetails").GetProperty("id").GetString().Should().Be("tollgate-secrets/");
        run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList()
            .Should().Contain(r => r.GetProperty("id").GetString() == "SEC014" && r.GetProperty("shortDescription").GetProperty("text").GetString()!.Length > 0);
        var result = run.GetProperty("results").EnumerateArray().ToList().Should().ContainSingle().Subject;
        result.GetProperty("ruleId").GetString().Should().Be("SEC014");
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("config/app.env");
        location.GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(2);
        result.GetProperty("partialFingerprints").EnumerateObject().ToList().Should().ContainSingle().Which.Value.GetString().Should().Be(finding.GetProperty("fingerprint").GetString());

        var everything = output + summary + string.Concat(Directory.GetFiles(_root["artifacts"], "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        everything.Should().NotContain(jwt).And.NotContain(jwt.Split('.')[1], "the secret is redacted in every output");
    }

    [Fact]
    public async Task Scan_fail_on_critical_lets_a_high_finding_pass_as_a_warning_while_a_critical_one_still_fails()
    {
        await PlantJwtAsync();

        var (exitCode, output, summary) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "secrets", "--scan-fail-on", "critical");

        exitCode.Should().Be(0, output);
        output.Should().Contain("::warning file=config/app.env,line=2,").And.Contain("title=SEC014::high: ");
        summary.Should().Contain("**Passed**: no finding at or above critical; 1 lower finding(s), 0 suppressed.");

        _root.Write("deploy/token.txt", $"GITHUB_TOKEN={PlantedSecrets.GitHubToken()}\n");
        (exitCode, output, _) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "secrets", "--scan-fail-on", "critical");

        exitCode.Should().Be(1);
        output.Should().Contain("::error file=deploy/token.txt,line=1,").And.Contain("title=SEC005::critical: ");
        output.Should().Contain("Scan gate failed: 1 finding(s) at or above critical");
    }

    [Fact]
    public async Task An_unknown_fail_on_severity_fails_the_target_naming_the_parameter_and_the_accepted_values()
    {
        await _git.InitAsync();

        var (exitCode, output, _) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "secrets", "--scan-fail-on", "severe");

        exitCode.Should().Be(1);
        output.Should().Contain("--scan-fail-on: 'severe' is not a severity. Use one of info, low, medium, high, critical.");
        output.Should().NotContain("   at Tollgate.");
        File.Exists(_root["artifacts/scan/scan.json"]).Should().BeFalse("nothing is scanned with a bad threshold");
    }

    [Fact]
    public async Task An_unknown_scanner_fails_the_target_listing_the_scanners()
    {
        await _git.InitAsync();

        var (exitCode, output, _) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "secrets", "virus");

        exitCode.Should().Be(1);
        output.Should().Contain("Unknown scanner(s) virus in --scan-scanners; the scanners are secrets, secret-history, dockerfile, kubernetes, dependencies, sbom, image.");
    }

    [Fact]
    public async Task A_scanner_that_could_not_run_is_reported_as_not_run_and_fails_the_gate_unless_it_is_allowed()
    {
        await _git.InitAsync();

        var (exitCode, output, summary) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "secrets", "dependencies");

        exitCode.Should().Be(1, "a scanner that could not run never passes silently");
        output.Should().Contain("dependencies: not run: no advisory source").And.Contain("Scan gate failed: dependencies did not run: no advisory source");
        summary.Should().Contain("| dependencies | not run | - |").And.Contain("**Failed**");
        using (var json = ReadJson("artifacts/scan/scan.json"))
        {
            json.RootElement.GetProperty("scanners").EnumerateArray().Select(s => (s.GetProperty("scanner").GetString(), s.GetProperty("status").GetString()))
                .Should().Equal(("secrets", "ran"), ("dependencies", "not-run"));
        }

        using (var sarif = ReadJson("artifacts/scan/dependencies.sarif"))
        {
            var invocation = sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
            invocation.GetProperty("executionSuccessful").GetBoolean().Should().BeFalse();
            invocation.GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString().Should().StartWith("Not run: no advisory source");
        }

        (exitCode, output, summary) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "secrets", "dependencies", "--scan-allow-not-run", "dependencies");

        exitCode.Should().Be(0, output);
        output.Should().Contain("dependencies: not run: no advisory source").And.Contain("(allowed)");
        summary.Should().Contain("| dependencies | not run | - |").And.Contain("(allowed) no advisory source").And.Contain("**Passed**");
    }

    [Fact]
    public async Task The_image_scan_is_allowed_to_be_missing_unless_asked_for_or_an_image_record_exists()
    {
        await _git.InitAsync();

        var (exitCode, output, summary) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "image");
        exitCode.Should().Be(0, output);
        summary.Should().Contain("| image | not run | - |").And.Contain("(allowed)");

        (exitCode, output, _) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "image", "--scan-image");
        exitCode.Should().Be(1);
        output.Should().Contain("Scan gate failed: image did not run: artifacts/image/image.json does not exist");

        // A record of an image that the engine does not hold: the scan cannot read it, and must not pass quietly.
        _root.Write("artifacts/image/image.json", JsonSerializer.Serialize(new { repository = "localhost/tollgate-test/gone", tags = new[] { "1" }, imageId = "sha256:" + new string('0', 64) }));
        (exitCode, output, _) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "image");
        exitCode.Should().Be(1);
        output.Should().Contain("Scan gate failed: image did not run:");
    }

    [Fact]
    public async Task An_ignore_entry_with_a_reason_suppresses_the_finding_by_fingerprint_and_the_reports_carry_the_reason()
    {
        await PlantJwtAsync();
        await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "secrets");
        var fingerprint = FirstFingerprint();
        _root.Write("security/ignores.yaml", $"ignores:\n  - fingerprint: {fingerprint}\n    reason: Fixture value of a revoked test account\n    expires: 2099-12-31\n");

        var (exitCode, output, summary) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "secrets", "--scan-ignore-file", "security/ignores.yaml");

        exitCode.Should().Be(0, output);
        output.Should().NotContain("title=SEC014");
        summary.Should().Contain("**Passed**: no finding at or above high; 0 lower finding(s), 1 suppressed.");
        using (var json = ReadJson("artifacts/scan/scan.json"))
        {
            var suppressed = json.RootElement.GetProperty("suppressed").EnumerateArray().ToList().Should().ContainSingle().Subject;
            suppressed.GetProperty("reason").GetString().Should().Contain("Fixture value of a revoked test account");
            suppressed.GetProperty("finding").GetProperty("fingerprint").GetString().Should().Be(fingerprint);
        }

        using var sarif = ReadJson("artifacts/scan/secrets.sarif");
        var suppression = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("suppressions")[0];
        suppression.GetProperty("kind").GetString().Should().Be("external");
        suppression.GetProperty("justification").GetString().Should().Contain("Fixture value of a revoked test account");
    }

    [Fact]
    public async Task An_expired_ignore_entry_stops_applying_and_is_reported()
    {
        await PlantJwtAsync();
        await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "secrets");
        var fingerprint = FirstFingerprint();
        _root.Write(".tollgate/scan-ignore.yaml", $"ignores:\n  - fingerprint: {fingerprint}\n    reason: Accepted until the rotation\n    expires: 2020-01-31\n");

        var (exitCode, output, summary) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "secrets");

        exitCode.Should().Be(1);
        output.Should().Contain($"expired ignore entry #1 fingerprint {fingerprint} (until 2020-01-31) no longer applies: Accepted until the rotation");
        summary.Should().Contain("Expired ignore entries (no longer applied):").And.Contain("**Failed**");
    }

    [Fact]
    public async Task An_ignore_entry_without_a_reason_fails_the_target_naming_the_file_and_the_entry()
    {
        await PlantJwtAsync();
        _root.Write(".tollgate/scan-ignore.yaml", "ignores:\n  - rule: SEC014\n    path: config/**\n");

        var (exitCode, output, _) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "secrets");

        exitCode.Should().Be(1);
        output.Should().Contain(".tollgate/scan-ignore.yaml:2: ignore entry #1 has no reason.");
        output.Should().NotContain("   at Tollgate.");
    }

    [Fact]
    public async Task A_baseline_accepts_the_findings_it_was_written_from_but_not_a_new_one()
    {
        await PlantJwtAsync();

        var (exitCode, output, summary) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "secrets", "--scan-baseline", "security/baseline.json", "--scan-update-baseline");
        exitCode.Should().Be(0, "writing the baseline accepts this run's findings: {0}", output);
        summary.Should().Contain("**Passed**");
        using (var report = ReadJson("artifacts/scan/scan.json"))
        {
            var accepted = report.RootElement.GetProperty("suppressed").EnumerateArray().Should().ContainSingle().Subject;
            accepted.GetProperty("kind").GetString().Should().Be("Baseline");
            File.ReadAllText(_root["security/baseline.json"]).Should().Contain(accepted.GetProperty("finding").GetProperty("fingerprint").GetString());
        }

        (exitCode, output, _) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "secrets", "--scan-baseline", "security/baseline.json");
        exitCode.Should().Be(0, output);

        _root.Write("config/other.env", $"SESSION={PlantedSecrets.Jwt()}\n");
        (exitCode, output, _) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "secrets", "--scan-baseline", "security/baseline.json");
        exitCode.Should().Be(1);
        output.Should().Contain("::error file=config/other.env,line=1,").And.NotContain("::error file=config/app.env");
    }

    [Fact]
    public async Task A_secret_removed_in_a_later_commit_is_found_by_the_history_scan_within_its_range()
    {
        await PlantJwtAsync();
        _root.Write("config/app.env", "# session for the smoke test\nSESSION=${SESSION}\n");
        await _git.CommitAllAsync("read the session from the environment");

        var (exitCode, output, _) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "secrets");
        exitCode.Should().Be(0, "the working tree is clean now: {0}", output);

        (exitCode, output, var summary) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "secrets", "--scan-history");
        exitCode.Should().Be(1);
        output.Should().Contain("title=SEC014::high: ");
        summary.Should().Contain("| secret-history | ran |");
        File.Exists(_root["artifacts/scan/secret-history.sarif"]).Should().BeTrue();

        (exitCode, output, _) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "secrets", "--scan-history", "--scan-history-range", "HEAD~1..HEAD");
        exitCode.Should().Be(0, "the last commit only removes the secret: {0}", output);
    }

    [Fact]
    public async Task Secret_excludes_skip_the_matching_files()
    {
        await PlantJwtAsync();

        var (exitCode, output, _) = await ScanBuild.RunAsync(_root.Path, "--scan-scanners", "secrets", "--scan-secret-exclude", "config/**");

        exitCode.Should().Be(0, output);
        output.Should().NotContain("SEC014");
    }

    private async Task<string> PlantJwtAsync()
    {
        var jwt = PlantedSecrets.Jwt();
        _root.Write("config/app.env", $"# session for the smoke test\nSESSION={jwt}\n");
        await _git.InitAsync();
        return jwt;
    }

    private string FirstFingerprint()
    {
        using var json = ReadJson("artifacts/scan/scan.json");
        return json.RootElement.GetProperty("scanners")[0].GetProperty("findings")[0].GetProperty("fingerprint").GetString()!;
    }

    private JsonDocument ReadJson(string relativePath) => JsonDocument.Parse(File.ReadAllText(_root[relativePath]));
}
