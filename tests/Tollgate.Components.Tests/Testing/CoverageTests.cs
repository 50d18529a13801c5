using Tollgate.Components.Testing;
using Tollgate.Components.Tests.TestSupport;

namespace Tollgate.Components.Tests.Testing;

public class CoverageTests
{
    // Samples/Lib.Tests.cobertura.xml was written by coverlet.collector 6.0.4 for a class with one covered line (Add)
    // and three uncovered lines (Sub).
    private static readonly string SampleCobertura = Samples.PathOf("Lib.Tests.cobertura.xml");

    [Fact]
    public void Cobertura_lines_are_read_once_per_class_line_with_their_hits()
    {
        var lines = CoberturaReader.Read(SampleCobertura);

        lines.Select(l => (l.Project, l.Line, l.Hits)).Should().Equal(("Lib", 4, 2), ("Lib", 6, 0), ("Lib", 7, 0), ("Lib", 8, 0));
        lines.Should().OnlyContain(l => l.File.EndsWith("src/Lib/Calc.cs", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Category", "Smoke")]
    public void Coverage_is_merged_per_project_across_reports_and_gated()
    {
        var first = CoberturaReader.Read(SampleCobertura);
        var second = new[]
        {
            new CoveredLine("Lib", first[0].File, 6, 1),
            new CoveredLine("Lib", first[0].File, 7, 1),
            new CoveredLine("Lib", first[0].File, 8, 0),
            new CoveredLine("Api", "src/Api/Program.cs", 1, 3),
        };

        var alone = CoverageSummary.FromLines(first);
        var merged = CoverageSummary.FromLines(first.Concat(second));

        alone.Projects.Should().Equal(new ProjectCoverage("Lib", 1, 4));
        alone.Projects[0].Percent.Should().Be(25);
        merged.Projects.Should().Equal(new ProjectCoverage("Api", 1, 1), new ProjectCoverage("Lib", 3, 4));
        merged.Below(80).Should().Equal(new ProjectCoverage("Lib", 3, 4));
        merged.Below(75).Should().BeEmpty();
        merged.Percent.Should().Be(80);
    }

    [Fact]
    public void The_same_file_named_against_different_source_roots_merges_into_one()
    {
        // coverlet roots each report at the common directory of what it instrumented: /repo/ for one test project,
        // /repo/src/ for another. Both name the same file.
        static string Report(string source, string file, int hits) =>
            $"<coverage><sources><source>{source}</source></sources><packages><package name=\"Lib\"><classes>" +
            $"<class name=\"Calc\" filename=\"{file}\"><lines><line number=\"4\" hits=\"{hits}\" /><line number=\"6\" hits=\"0\" /></lines></class>" +
            "</classes></package></packages></coverage>";

        var fromRoot = CoberturaReader.Parse(Report("/repo/", "src/Lib/Calc.cs", 1));
        var fromSrc = CoberturaReader.Parse(Report("/repo/src/", "Lib/Calc.cs", 0));

        fromRoot.Concat(fromSrc).Select(l => l.File).Distinct().Should().Equal("/repo/src/Lib/Calc.cs");
        CoverageSummary.FromLines(fromRoot.Concat(fromSrc)).Projects.Should().Equal(new ProjectCoverage("Lib", 1, 2));
    }

    [Fact]
    public void Source_generated_files_under_obj_are_left_out_of_coverage()
    {
        const string Xml =
            "<coverage><sources><source>/repo/</source></sources><packages><package name=\"Lib\"><classes>" +
            "<class name=\"Calc\" filename=\"src/Lib/Calc.cs\"><lines><line number=\"4\" hits=\"1\" /></lines></class>" +
            "<class name=\"Rx\" filename=\"src/Lib/obj/Debug/net10.0/generated/RegexGenerator.g.cs\"><lines><line number=\"9\" hits=\"0\" /></lines></class>" +
            "<class name=\"Json\" filename=\"src/Lib/Json.g.cs\"><lines><line number=\"2\" hits=\"0\" /></lines></class>" +
            "</classes></package></packages></coverage>";

        var lines = CoberturaReader.Parse(Xml);

        lines.Should().ContainSingle().Which.File.Should().Be("/repo/src/Lib/Calc.cs");
    }

    [Fact]
    public void The_coverage_table_shows_each_project_against_the_gate_and_the_total()
    {
        var summary = new CoverageSummary([new ProjectCoverage("Api", 9, 10), new ProjectCoverage("Lib", 1, 4)]);

        summary.ToMarkdown(80).Should().Be(
            "| Project | Lines covered | Line coverage | Gate (80.0 %) |\n" +
            "|---|---:|---:|:---:|\n" +
            "| Api | 9/10 | 90.0 % | ✅ |\n" +
            "| Lib | 1/4 | 25.0 % | ❌ |\n" +
            "| **Total** | 10/14 | 71.4 % | |\n");
    }

    [Fact]
    public void A_file_that_is_not_cobertura_is_refused()
    {
        var parse = () => CoberturaReader.Parse("<TestRun />", "coverage.xml");

        parse.Should().Throw<TollgateException>().WithMessage("coverage.xml is not Cobertura XML*");
    }

    [Fact]
    public void Assemblies_are_excluded_from_coverage_by_name_with_star_wildcards()
    {
        var options = new TestRunOptions("/repo").WithCoverageExclude("*.TestBuild", "Lib");

        options.IsExcludedFromCoverage("Tollgate.TestBuild").Should().BeTrue();
        options.IsExcludedFromCoverage("Lib").Should().BeTrue();
        options.IsExcludedFromCoverage("Library").Should().BeFalse();
        options.IsExcludedFromCoverage("Tollgate").Should().BeFalse();
        new TestRunOptions("/repo").IsExcludedFromCoverage("Lib").Should().BeFalse();
    }
}
