using System.Text.Json;
using Tollgate.Security.Tests.Support;
using Tollgate.TestSupport;

namespace Tollgate.Security.Tests.Service;

/// <summary>--scan-update-baseline through the plain service: the run that writes the baseline passes on its findings.</summary>
public sealed class UpdateBaselineTests
{
    [Fact]
    public async Task Writing_the_baseline_accepts_this_runs_findings_and_a_later_new_finding_still_fails()
    {
        using var root = new TempDirectory("tollgate-update-baseline");
        root.Write("config/app.env", $"GITHUB_TOKEN={FakeSecrets.GitHub()}\n");
        var options = new ScanOptions(root.Path) { Scanners = ["secrets"] };

        var before = await new ScanService().RunAsync(options, CancellationToken.None);
        var written = await new ScanService().RunAsync(options with { UpdateBaseline = true }, CancellationToken.None);

        before.Report.Passed.Should().BeFalse("the planted token is high");
        written.Report.Passed.Should().BeTrue();
        written.Report.Suppressed.Should().ContainSingle().Which.Kind.Should().Be(SuppressionKind.Baseline);
        using (var json = JsonDocument.Parse(File.ReadAllText(written.JsonReport)))
        {
            json.RootElement.GetProperty("passed").GetBoolean().Should().BeTrue("scan.json tells the same verdict");
        }

        root.Write("config/other.env", $"GITHUB_TOKEN={FakeSecrets.GitHub()}\n");
        var later = await new ScanService().RunAsync(options, CancellationToken.None);

        later.Report.Passed.Should().BeFalse();
        later.Report.Blocking.Should().ContainSingle().Which.Location.Path.Should().Be("config/other.env");
    }
}
