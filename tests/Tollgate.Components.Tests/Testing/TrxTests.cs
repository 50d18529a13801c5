using System.Xml.Linq;
using Tollgate.Components.Testing;
using Tollgate.Components.Tests.TestSupport;

namespace Tollgate.Components.Tests.Testing;

public class TrxTests
{
    // Samples/Lib.Tests.trx was written by 'dotnet test --logger trx' (xunit 2.9.3) on a scratch project with one
    // failing fact, one skipped fact, a passing fact and a two-row theory.
    private static readonly string SampleTrx = Samples.PathOf("Lib.Tests.trx");

    [Fact]
    public void A_trx_file_gives_every_case_with_its_outcome_class_and_failure_message()
    {
        var report = TrxReader.Read(SampleTrx);

        report.Results.Select(r => (r.Name, r.Outcome)).Should().BeEquivalentTo(new[]
        {
            ("Lib.Tests.CalcTests.Skipped", TestOutcome.Skipped),
            ("Lib.Tests.CalcTests.Theory(x: 1)", TestOutcome.Passed),
            ("Lib.Tests.CalcTests.Theory(x: 2)", TestOutcome.Passed),
            ("Lib.Tests.CalcTests.Fails", TestOutcome.Failed),
            ("Lib.Tests.CalcTests.Adds", TestOutcome.Passed),
        });
        (report.Passed, report.Failed, report.Skipped).Should().Be((3, 1, 1));
        var failure = report.Failures.Should().ContainSingle().Subject;
        failure.ClassName.Should().Be("Lib.Tests.CalcTests");
        failure.FirstMessageLine.Should().Be("Assert.Equal() Failure: Values differ");
        failure.StackTrace.Should().Contain("CalcTests.cs:line 8");
    }

    [Fact]
    [Trait("Category", "Smoke")]
    public void Trx_converts_to_junit_with_one_suite_per_class_failures_and_skips()
    {
        var junit = TrxToJUnitConverter.Convert(TrxReader.Read(SampleTrx), "Lib.Tests").Root!;

        junit.Name.LocalName.Should().Be("testsuites");
        ((string?)junit.Attribute("name"), (int)junit.Attribute("tests")!, (int)junit.Attribute("failures")!, (int)junit.Attribute("skipped")!)
            .Should().Be(("Lib.Tests", 5, 1, 1));
        var suite = junit.Elements("testsuite").Should().ContainSingle().Subject;
        ((string?)suite.Attribute("name")).Should().Be("Lib.Tests.CalcTests");
        suite.Elements("testcase").Select(c => (string?)c.Attribute("name"))
            .Should().BeEquivalentTo("Skipped", "Theory(x: 1)", "Theory(x: 2)", "Fails", "Adds");
        var failed = suite.Elements("testcase").Single(c => (string?)c.Attribute("name") == "Fails");
        var failure = failed.Element("failure")!;
        ((string?)failure.Attribute("message")).Should().Be("Assert.Equal() Failure: Values differ");
        failure.Value.Should().Contain("Expected: 5").And.Contain("CalcTests.cs:line 8");
        ((string?)suite.Elements("testcase").Single(c => (string?)c.Attribute("name") == "Skipped").Element("skipped")!.Attribute("message")).Should().Be("not today");
        suite.Elements("testcase").Single(c => (string?)c.Attribute("name") == "Adds").HasElements.Should().BeFalse();
        double.Parse((string)failed.Attribute("time")!, System.Globalization.CultureInfo.InvariantCulture).Should().BeApproximately(0.0010611, 1e-6);
    }

    [Fact]
    public void Converting_a_file_writes_junit_xml_that_parses_back()
    {
        using var directory = new TempDirectory("tollgate-junit");
        var output = directory[Path.Combine("reports", "Lib.Tests.junit.xml")];

        var report = TrxToJUnitConverter.ConvertFile(SampleTrx, output, "Lib.Tests");

        report.Results.Should().HaveCount(5);
        XDocument.Load(output).Descendants("testcase").Should().HaveCount(5);
    }

    [Fact]
    public void A_file_that_is_not_trx_is_refused_with_its_name()
    {
        var parse = () => TrxReader.Parse("<coverage />", "results/x.trx");

        parse.Should().Throw<TollgateException>().WithMessage("results/x.trx is not a TRX file*'coverage'*--logger trx*");
    }

    [Fact]
    public void A_failed_test_is_located_at_its_first_frame_under_the_root()
    {
        var test = new TrxTestResult("A.B.C", "A.B", TestOutcome.Failed, TimeSpan.Zero, "boom\nmore",
            "   at Xunit.Assert.Equal() in /_/src/Assert.cs:line 10\n   at A.B.C() in /repo/tests/A/BTests.cs:line 42");

        FailureLocation.ToDiagnostic("A.Tests", test, "/repo").ToString()
            .Should().Be("tests/A/BTests.cs:42: error A.Tests: A.B.C failed: boom");
        FailureLocation.ToDiagnostic("A.Tests", test with { StackTrace = null }, "/repo").File.Should().BeNull();
    }
}
