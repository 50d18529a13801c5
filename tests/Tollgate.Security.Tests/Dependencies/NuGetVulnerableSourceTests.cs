using Tollgate.Security.Dependencies;
using Tollgate.TestSupport;

namespace Tollgate.Security.Tests.Dependencies;

/// <summary>A fake dotnet prints what .NET 8+'s 'dotnet list package --vulnerable --format json' prints.</summary>
public class NuGetVulnerableSourceTests
{
    private const string Answer = """
        {
          "version": 1,
          "parameters": "--vulnerable --include-transitive",
          "sources": ["https://api.nuget.org/v3/index.json"],
          "projects": [
            {
              "path": "ROOT/src/App/App.csproj",
              "frameworks": [
                {
                  "framework": "net8.0",
                  "topLevelPackages": [
                    { "id": "Newtonsoft.Json", "requestedVersion": "12.0.1", "resolvedVersion": "12.0.1",
                      "vulnerabilities": [ { "severity": "High", "advisoryurl": "https://github.com/advisories/GHSA-5crp-9r3c-p9vr" } ] }
                  ],
                  "transitivePackages": [
                    { "id": "System.Text.Encodings.Web", "resolvedVersion": "4.5.0",
                      "vulnerabilities": [ { "severity": "Critical", "advisoryurl": "https://github.com/advisories/GHSA-ghhp-997w-qr28" } ] }
                  ]
                }
              ]
            },
            { "path": "ROOT/src/Lib/Lib.csproj", "frameworks": [ { "framework": "net8.0", "topLevelPackages": [] } ] }
          ]
        }
        """;

    private const string Unanswered = """
        {
          "version": 1,
          "parameters": "--vulnerable",
          "problems": [ { "level": "error", "text": "Unable to load the service index for source https://nuget.invalid/v3/index.json." } ],
          "projects": []
        }
        """;

    [Fact]
    public async Task Vulnerable_direct_and_transitive_packages_become_findings_with_their_advisory()
    {
        using var directory = new TempDirectory("tollgate-nuget-audit");
        var dotnet = FakeDotnet(directory, Answer.Replace("ROOT", directory.Path, StringComparison.Ordinal), exitCode: 0);

        var (findings, notAnswered) = await new NuGetVulnerableSource(directory.Path, "App.slnx", dotnet).QueryAsync("dependencies", CancellationToken.None);

        notAnswered.Should().BeNull();
        findings.Select(f => (f.RuleId, f.Severity, f.Location.Path, f.Location.Package)).Should().Equal(
            ("GHSA-5crp-9r3c-p9vr", Severity.High, "src/App/App.csproj", "Newtonsoft.Json@12.0.1"),
            ("GHSA-ghhp-997w-qr28", Severity.Critical, "src/App/App.csproj", "System.Text.Encodings.Web@4.5.0"));
        findings[1].Message.Should().Contain("(transitive)");
        File.ReadAllText(Path.Combine(directory.Path, "args.txt")).Should().Be("list App.slnx package --vulnerable --include-transitive --format json\n");
    }

    [Fact]
    public async Task A_source_that_does_not_answer_is_reported_with_its_problem_not_as_no_vulnerabilities()
    {
        using var directory = new TempDirectory("tollgate-nuget-audit");
        var dotnet = FakeDotnet(directory, Unanswered, exitCode: 1);

        var (findings, notAnswered) = await new NuGetVulnerableSource(directory.Path, "App.slnx", dotnet).QueryAsync("dependencies", CancellationToken.None);

        findings.Should().BeEmpty();
        notAnswered.Should().Contain("exit code 1").And.Contain("Unable to load the service index");
    }

    [Fact]
    public async Task A_missing_dotnet_is_reported()
    {
        using var directory = new TempDirectory("tollgate-nuget-audit");

        var (_, notAnswered) = await new NuGetVulnerableSource(directory.Path, "App.slnx", Path.Combine(directory.Path, "no-dotnet")).QueryAsync("dependencies", CancellationToken.None);

        notAnswered.Should().Contain("could not be started");
    }

    [Fact]
    public async Task The_dependency_scanner_runs_on_nuget_audit_alone_and_is_not_run_when_it_does_not_answer()
    {
        using var directory = new TempDirectory("tollgate-nuget-audit");
        var answering = FakeDotnet(directory, Answer.Replace("ROOT", directory.Path, StringComparison.Ordinal), exitCode: 0);

        var ran = await new DependencyScanner(directory.Path, null) { NuGetAudit = new NuGetVulnerableSource(directory.Path, "App.slnx", answering) }.ScanAsync(CancellationToken.None);
        var silent = FakeDotnet(directory, Unanswered, exitCode: 1);
        var notRun = await new DependencyScanner(directory.Path, null) { NuGetAudit = new NuGetVulnerableSource(directory.Path, "App.slnx", silent) }.ScanAsync(CancellationToken.None);

        ran.Status.Should().Be(ScannerStatus.Ran);
        ran.Findings.Select(f => f.RuleId).Should().Equal("GHSA-5crp-9r3c-p9vr", "GHSA-ghhp-997w-qr28");
        notRun.Status.Should().Be(ScannerStatus.NotRun);
        notRun.Reason.Should().Contain("no advisory source").And.Contain("dotnet list package --vulnerable not run");
    }

    [Fact]
    public async Task Audit_results_merge_into_the_dependency_findings_with_the_fixed_version_from_the_osv_record()
    {
        using var directory = new TempDirectory("tollgate-nuget-audit");
        var captured = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "dotnet-list-vulnerable.json"));
        var dotnet = FakeDotnet(directory, captured.Replace("ROOT", directory.Path, StringComparison.Ordinal), exitCode: 0);
        var osv = Path.Combine(AppContext.BaseDirectory, "Fixtures", "osv");

        var result = await new DependencyScanner(directory.Path, osv) { NuGetAudit = new NuGetVulnerableSource(directory.Path, "App.slnx", dotnet) }.ScanAsync(CancellationToken.None);

        result.Status.Should().Be(ScannerStatus.Ran);
        result.Reason.Should().Contain("dotnet list package --vulnerable: 1 finding(s)");
        var finding = result.Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Location.Path, finding.Location.Package, finding.FixedVersion).Should().Be(("GHSA-5crp-9r3c-p9vr", "src/App/App.csproj", "Newtonsoft.Json@12.0.1", "13.0.1"));
        finding.Message.Should().Contain("Fixed in 13.0.1.");
        finding.Help.Should().Be("Upgrade Newtonsoft.Json to 13.0.1 or later.");
    }

    [Fact]
    public async Task An_audit_finding_the_osv_source_already_reports_for_the_same_package_is_not_reported_twice()
    {
        using var directory = new TempDirectory("tollgate-nuget-audit");
        directory.Write("src/App/obj/project.assets.json", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "project.assets.json")));
        var captured = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "dotnet-list-vulnerable.json"));
        var dotnet = FakeDotnet(directory, captured.Replace("ROOT", directory.Path, StringComparison.Ordinal), exitCode: 0);

        var result = await new DependencyScanner(directory.Path, Path.Combine(AppContext.BaseDirectory, "Fixtures", "osv")) { NuGetAudit = new NuGetVulnerableSource(directory.Path, "App.slnx", dotnet) }.ScanAsync(CancellationToken.None);

        result.Findings.Where(f => f.Location.Package == "Newtonsoft.Json@12.0.1").Should().ContainSingle()
            .Which.Location.Path.Should().Be("src/App/obj/project.assets.json", "the OSV finding (with its fixed version) stays, the audit's duplicate goes");
    }

    [Fact]
    public async Task With_an_osv_source_a_silent_audit_source_is_named_in_the_note_not_passed_silently()
    {
        using var directory = new TempDirectory("tollgate-nuget-audit");
        var silent = FakeDotnet(directory, Unanswered, exitCode: 1);

        var result = await new DependencyScanner(directory.Path, Path.Combine(AppContext.BaseDirectory, "Fixtures", "osv")) { NuGetAudit = new NuGetVulnerableSource(directory.Path, "App.slnx", silent) }.ScanAsync(CancellationToken.None);

        result.Status.Should().Be(ScannerStatus.Ran);
        result.Reason.Should().Contain("dotnet list package --vulnerable not run").And.Contain("Unable to load the service index");
    }

    private static string FakeDotnet(TempDirectory directory, string output, int exitCode)
    {
        directory.Write("answer.json", output);
        var script = directory.Write("dotnet", $"#!/bin/sh\necho \"$*\" > \"{directory.Path}/args.txt\"\ncat \"{directory.Path}/answer.json\"\nexit {exitCode}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }
}
