using Tollgate.Security.Secrets;
using Tollgate.Security.Tests.Support;
using Tollgate.TestSupport;

namespace Tollgate.Security.Tests.Findings;

public class GateTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static Finding Rule(string rule, Severity severity, string path = "Dockerfile", int line = 1, string evidence = "x") =>
        Finding.Create("dockerfile", rule, severity, $"{rule} problem", new FindingLocation(path, line), evidence);

    private static ScannerResult Ran(params Finding[] findings) => ScannerResult.Ran("dockerfile", [], findings, 1);

    [Fact]
    public void Findings_at_or_above_the_threshold_fail_and_lower_ones_pass()
    {
        var results = new[] { Ran(Rule("DF001", Severity.Medium), Rule("DF002", Severity.High, evidence: "y")) };

        ScanReport.Judge(results, new ScanPolicy(), null).Passed.Should().BeFalse();
        ScanReport.Judge(results, new ScanPolicy(Severity.Critical), null).Passed.Should().BeTrue();
        var strict = ScanReport.Judge(results, new ScanPolicy(Severity.Medium), null);
        strict.Blocking.Should().HaveCount(2);
        strict.Failures.Should().Equal("2 finding(s) at or above medium");
    }

    [Fact]
    public void A_scanner_that_did_not_run_fails_the_gate_unless_allowed()
    {
        var results = new[] { ScannerResult.NotRun("image", "no image.json") };

        var report = ScanReport.Judge(results, new ScanPolicy(), null);
        report.Passed.Should().BeFalse();
        report.Failures.Should().Equal("image did not run: no image.json");
        ScanReport.Judge(results, new ScanPolicy { AllowNotRun = new HashSet<string> { "image" } }, null).Passed.Should().BeTrue();
        ScanReport.Judge(results, new ScanPolicy { AllowNotRun = new HashSet<string> { "*" } }, null).Passed.Should().BeTrue();
    }

    [Fact]
    public void Ignore_entries_apply_by_fingerprint_or_rule_and_path_until_they_expire()
    {
        var inTests = Rule("DF002", Severity.High, "tests/Dockerfile");
        var inSrc = Rule("DF002", Severity.High, "src/Dockerfile");
        var other = Rule("DF003", Severity.High, "src/Dockerfile");
        var ignores = IgnoreFile.Parse($"""
            ignores:
              - rule: DF002
                path: tests/**
                reason: Test images run as root on purpose
              - fingerprint: {other.Fingerprint[..12]}
                reason: Vendored download verified by hand
                expires: 2026-11-29
            """, "scan-ignore.yaml");

        var report = ScanReport.Judge([Ran(inTests, inSrc, other)], new ScanPolicy { Ignores = ignores, Today = Today }, null);

        report.Findings.Should().Equal(inSrc, other);
        report.Suppressed.Should().ContainSingle().Which.Reason.Should().Contain("Test images run as root on purpose");
        report.ExpiredIgnores.Should().ContainSingle().Which.Index.Should().Be(2);
        ScanReport.Judge([Ran(other)], new ScanPolicy { Ignores = ignores, Today = new DateOnly(2026, 11, 29) }, null).Findings.Should().BeEmpty();
    }

    [Fact]
    public void A_scanner_and_path_entry_accepts_every_finding_of_that_scanner_under_the_path_only()
    {
        var fixture = Rule("GHSA-5crp-9r3c-p9vr", Severity.High, "tests/Fixtures/project.assets.json") with { Scanner = "dependencies" };
        var another = Rule("GHSA-35jh-r3h4-6jhm", Severity.High, "tests/Fixtures/package-lock.json") with { Scanner = "dependencies" };
        var real = Rule("GHSA-5crp-9r3c-p9vr", Severity.High, "src/App/packages.lock.json") with { Scanner = "dependencies" };
        var secret = Rule("SEC001", Severity.Critical, "tests/Fixtures/settings.json") with { Scanner = "secrets" };
        var ignores = IgnoreFile.Parse("""
            ignores:
              - scanner: dependencies
                path: tests/Fixtures/**
                reason: Lockfiles the dependency scanner tests parse, vulnerable on purpose
            """, "scan-ignore.yaml");

        var report = ScanReport.Judge([Ran(fixture, another, real, secret)], new ScanPolicy { Ignores = ignores, Today = Today }, null);

        report.Findings.Should().Equal(real, secret);
        report.Suppressed.Should().HaveCount(2);
        ignores.Single().ToString().Should().Be("#1 scanner dependencies in tests/Fixtures/**");
    }

    [Theory]
    [InlineData("ignores:\n  - rule: DF001\n", "has no reason")]
    [InlineData("ignores:\n  - reason: r\n", "exactly one of 'fingerprint' or 'rule', or both 'scanner' and 'path'")]
    [InlineData("ignores:\n  - scanner: dependencies\n    reason: r\n", "or both 'scanner' and 'path'")]
    [InlineData("ignores:\n  - fingerprint: abcdef0123\n    rule: DF001\n    reason: r\n", "has both 'fingerprint' and 'rule'")]
    [InlineData("ignores:\n  - fingerprint: abc\n    reason: r\n", "shorter than 8")]
    [InlineData("ignores:\n  - rule: DF001\n    reason: r\n    expires: next week\n", "yyyy-MM-dd")]
    [InlineData("ignores:\n  - rule: DF001\n    reason: r\n    until: 2027-01-01\n", "unknown field 'until'")]
    [InlineData("ignores: [a, b", "not valid YAML")]
    [InlineData("- rule: DF001\n", "'ignores:' list")]
    public void A_bad_ignore_entry_is_an_error_naming_the_field(string text, string expected)
    {
        var act = () => IgnoreFile.Parse(text, ".tollgate/scan-ignore.yaml");

        act.Should().Throw<ScanException>().Which.Message.Should().Contain(".tollgate/scan-ignore.yaml").And.Contain(expected);
    }

    [Fact]
    public void An_absent_or_empty_ignore_file_has_no_entries()
    {
        IgnoreFile.Load("/nonexistent/scan-ignore.yaml").Should().BeEmpty();
        IgnoreFile.Parse("ignores:\n", "f").Should().BeEmpty();
        IgnoreFile.Parse("", "f").Should().BeEmpty();
    }

    [Fact]
    public void A_baseline_hides_old_findings_but_not_a_new_secret_on_the_same_line()
    {
        using var directory = new TempDirectory("tollgate-scan");
        var engine = new SecretEngine();
        var old = SecretFindings.From("secrets", engine.Scan($"token = {FakeSecrets.GitHub()}").Single(), "app.env");
        Baseline.Of([old]).Save(directory["baseline.json"]);
        var baseline = Baseline.Load(directory["baseline.json"]);
        var replaced = SecretFindings.From("secrets", engine.Scan($"token = {FakeSecrets.GitHub()}").Single(), "app.env");

        var report = ScanReport.Judge([ScannerResult.Ran("secrets", [], [old, replaced], 1)], new ScanPolicy { Baseline = baseline }, null);

        report.Suppressed.Select(s => (s.Finding, s.Kind)).Should().Equal((old, SuppressionKind.Baseline));
        report.Findings.Should().Equal(replaced);
        report.Passed.Should().BeFalse();
    }

    [Fact]
    public void A_broken_baseline_is_an_error_with_the_fix()
    {
        using var directory = new TempDirectory("tollgate-scan");
        directory.Write("baseline.json", "{\"version\": 1}");

        var act = () => Baseline.Load(directory["baseline.json"]);

        act.Should().Throw<ScanException>().Which.Message.Should().Contain("--scan-update-baseline");
    }

    [Fact]
    public void Inline_allows_name_a_rule_or_a_fingerprint_and_secrets_only_by_fingerprint()
    {
        using var directory = new TempDirectory("tollgate-scan");
        var engine = new SecretEngine();
        var key = FakeSecrets.GitHub();
        var secret = SecretFindings.From("secrets", engine.Scan($"token = {key}").Single(), "app.env");
        directory.Write("app.env", $"# tollgate:allow SEC005 test value\ntoken = {key}\n");
        directory.Write("Dockerfile", "FROM alpine:3.20 # tollgate:allow DF007 probed by the orchestrator\nUSER 1000\n");
        var dockerfile = Rule("DF007", Severity.Low, "Dockerfile", 1);
        var allows = new InlineAllows(directory.Path);

        allows.Find(dockerfile).Should().Contain("tollgate:allow DF007");
        allows.Find(secret with { Location = secret.Location with { Line = 2 } }).Should().BeNull("a rule id must not hide whichever secret is put on the line");

        directory.Write("app.env", $"token = {key} # tollgate:allow {secret.Fingerprint[..10]} test value\n");
        var report = ScanReport.Judge([ScannerResult.Ran("secrets", [], [secret with { Location = secret.Location with { Line = 1 } }], 1)], new ScanPolicy(), new InlineAllows(directory.Path));
        report.Suppressed.Should().ContainSingle().Which.Kind.Should().Be(SuppressionKind.InlineAllow);
    }

    [Fact]
    public void Fingerprints_ignore_whitespace_but_not_content()
    {
        Fingerprints.Of("s", "R", "p", "a  b").Should().Be(Fingerprints.Of("s", "R", "p", " a b "));
        Fingerprints.Of("s", "R", "p", "a b").Should().NotBe(Fingerprints.Of("s", "R", "p", "a c"));
        Fingerprints.Of("s", "R", "p", "a").Should().HaveLength(32);
    }

    [Theory]
    [InlineData("CRITICAL", Severity.Critical)]
    [InlineData("moderate", Severity.Medium)]
    [InlineData("note", Severity.Info)]
    [InlineData("low", Severity.Low)]
    [InlineData("error", Severity.High)]
    public void Severities_parse_the_names_tools_use(string text, Severity expected)
    {
        Severities.Parse(text, "--scan-fail-on").Should().Be(expected);
    }

    [Fact]
    public void An_unknown_severity_names_the_choices()
    {
        var act = () => Severities.Parse("severe", "--scan-fail-on");

        act.Should().Throw<ScanException>().Which.Message.Should().Be("--scan-fail-on: 'severe' is not a severity. Use one of info, low, medium, high, critical.");
    }
}
