using Tollgate.Security.External;
using Tollgate.TestSupport;

namespace Tollgate.Security.Tests.External;

/// <summary>
/// gitleaks and Trivy are not obtainable here: their reports are hand-written fixtures in the tools' documented JSON
/// shapes (gitleaks' array of leaks, Trivy's SchemaVersion 2 report with Vulnerabilities, Misconfigurations and Secrets).
/// </summary>
public sealed class ExternalReportTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "external", name));

    [Fact]
    public void A_gitleaks_report_becomes_findings_with_locations_commits_and_no_secret_values()
    {
        var findings = ExternalReports.FromGitleaks(Fixture("gitleaks.json"));

        findings.Select(f => (f.Scanner, f.RuleId, f.Severity, f.Location.Path, f.Location.Line, f.Location.Column, f.Location.Commit)).Should().Equal(
            ("gitleaks", "generic-api-key", Severity.High, "src/App/appsettings.Development.json", 12, 9, (string?)null),
            ("gitleaks", "private-key", Severity.High, "deploy/old.pem", 3, 1, "3f2c9a1d5e7b8c0a4d6e2f1b9c8a7d6e5f4a3b2c"));
        findings.Should().OnlyContain(f => !f.Message.Contains("not-a-real-credential", StringComparison.Ordinal) && !f.Message.Contains("not-a-real-key", StringComparison.Ordinal));
        findings[0].Message.Should().Contain("Generic API Key");
    }

    [Fact]
    public void A_new_gitleaks_secret_on_the_same_line_gets_a_new_fingerprint()
    {
        var before = ExternalReports.FromGitleaks(Fixture("gitleaks.json"))[0];
        var after = ExternalReports.FromGitleaks(Fixture("gitleaks.json").Replace("credential-0001", "credential-0003", StringComparison.Ordinal))[0];
        var moved = ExternalReports.FromGitleaks(Fixture("gitleaks.json").Replace("\"StartLine\": 12", "\"StartLine\": 40", StringComparison.Ordinal))[0];

        after.Fingerprint.Should().NotBe(before.Fingerprint);
        moved.Fingerprint.Should().Be(before.Fingerprint);
    }

    [Fact]
    public void A_trivy_report_gives_vulnerabilities_with_fixed_versions_misconfigurations_and_secrets()
    {
        var findings = ExternalReports.FromTrivy(Fixture("trivy.json"));

        findings.Select(f => (f.RuleId, f.Severity, f.Location.Path, f.Location.Line, f.Location.Package, f.FixedVersion)).Should().Equal(
            ("GHSA-5crp-9r3c-p9vr", Severity.High, "src/App/packages.lock.json", 1, "Newtonsoft.Json@12.0.1", "13.0.1"),
            ("CVE-2000-0001", Severity.Low, "src/App/packages.lock.json", 1, "Fixture.Unfixed@1.0.0", (string?)null),
            ("DS002", Severity.High, "Dockerfile", 4, (string?)null, (string?)null),
            ("github-pat", Severity.Critical, "config/settings.env", 7, (string?)null, (string?)null));
        findings[0].Message.Should().Contain("Fixed in 13.0.1");
        findings[2].Help.Should().Be("Add 'USER <non root user name>' line to the Dockerfile");
    }

    [Fact]
    public void Rules_are_derived_from_the_findings_with_the_highest_severity_seen()
    {
        var rules = ExternalReports.RulesOf(ExternalReports.FromTrivy(Fixture("trivy.json")));

        rules.Select(r => (r.Id, r.Severity)).Should().Equal(
            ("CVE-2000-0001", Severity.Low), ("DS002", Severity.High), ("GHSA-5crp-9r3c-p9vr", Severity.High), ("github-pat", Severity.Critical));
        rules.Should().OnlyContain(r => r.Description.Length > 0 && r.Help.Length > 0);
    }

    [Theory]
    [InlineData("gitleaks")]
    [InlineData("trivy")]
    public void A_report_that_is_not_json_names_the_tool_and_the_fix(string tool)
    {
        var act = () => tool == "gitleaks" ? ExternalReports.FromGitleaks("{ nope") : ExternalReports.FromTrivy("{ nope");

        act.Should().Throw<ScanException>().WithMessage($"The {tool} report is not JSON*run {tool} with JSON output*");
    }

    [Fact]
    public void An_empty_trivy_report_and_an_empty_gitleaks_array_give_no_findings()
    {
        ExternalReports.FromTrivy("""{"SchemaVersion":2,"ArtifactName":".","Results":[]}""").Should().BeEmpty();
        ExternalReports.FromGitleaks("[]").Should().BeEmpty();
    }

    [RequiresToolFact("bash")]
    public async Task The_tool_runner_reads_the_report_the_tool_writes_and_reports_a_failing_tool_as_not_run()
    {
        using var directory = new TempDirectory("tollgate-external");

        // A stand-in for the gitleaks executable (it cannot be installed here): it writes the fixture to --report-path.
        var fake = directory.Write("gitleaks", "#!/usr/bin/env bash\nwhile [ $# -gt 0 ]; do if [ \"$1\" = --report-path ]; then cp \"" + Path.Combine(AppContext.BaseDirectory, "Fixtures", "external", "gitleaks.json") + "\" \"$2\"; fi; shift; done\n");
        var failing = directory.Write("trivy", "#!/usr/bin/env bash\necho 'FATAL no such scanner' >&2\nexit 2\n");
        if (OperatingSystem.IsWindows())
        {
            return; // bash scripts as executables: Unix only
        }

        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(failing, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var ran = await new ExternalToolScanner(ExternalToolScanner.Gitleaks, fake, directory.Path).ScanAsync(CancellationToken.None);
        var failed = await new ExternalToolScanner(ExternalToolScanner.Trivy, failing, directory.Path).ScanAsync(CancellationToken.None);

        ran.Status.Should().Be(ScannerStatus.Ran);
        ran.Findings.Should().HaveCount(2);
        ran.Rules.Select(r => r.Id).Should().Equal("generic-api-key", "private-key");
        failed.Status.Should().Be(ScannerStatus.NotRun);
        failed.Reason.Should().Contain("exited with 2").And.Contain("FATAL no such scanner");
    }
}
