using static Tollgate.Evaluation.Tests.Assertions.AssertionHarness;

namespace Tollgate.Evaluation.Tests.Assertions;

public sealed class TextAssertionTests
{
    [Theory]
    [InlineData("equals", "$12", "$12", AssertionStatus.Passed)]
    [InlineData("equals", "$12.", "$12", AssertionStatus.Failed)]
    [InlineData("contains", "costs $12", "$12", AssertionStatus.Passed)]
    [InlineData("contains", "COSTS", "costs", AssertionStatus.Failed)]
    [InlineData("icontains", "COSTS", "costs", AssertionStatus.Passed)]
    [InlineData("not-icontains", "Sorry, I can't", "sorry", AssertionStatus.Failed)]
    [InlineData("not-contains", "fine", "sorry", AssertionStatus.Passed)]
    [InlineData("starts-with", "Yes, it does", "Yes", AssertionStatus.Passed)]
    [InlineData("regex", "Order #12345", @"#\d{5}", AssertionStatus.Passed)]
    [InlineData("not-regex", "Order #12", @"#\d{5}", AssertionStatus.Passed)]
    [InlineData("levenshtein", "colour", "color", AssertionStatus.Passed)]
    [InlineData("levenshtein", "completely different", "color", AssertionStatus.Failed)]
    public void Text_checks_compare_the_output(string type, string output, string value, AssertionStatus expected) =>
        Status(type, output, value).Should().Be(expected);

    [Fact]
    public void Keyword_lists_count_any_or_all()
    {
        Status("contains-any", "the seat price", values: ["seat", "plan"]).Should().Be(AssertionStatus.Passed);
        Status("contains-all", "the seat price", values: ["seat", "plan"]).Should().Be(AssertionStatus.Failed);
        Status("icontains-all", "THE SEAT PLAN", values: ["seat", "plan"]).Should().Be(AssertionStatus.Passed);
        Status("icontains-all", "the seat", values: ["seat", "plan"], threshold: 0.5).Should().Be(AssertionStatus.Passed);
    }

    [Fact]
    public void A_keyword_check_without_keywords_is_skipped_not_passed()
    {
        var result = Check(new AssertionSpec("icontains-all"), new TargetResponse("x"));

        result.Status.Should().Be(AssertionStatus.Skipped);
        result.Score.Should().BeNull();
    }

    [Fact]
    public void Values_are_templated_with_the_case()
    {
        var evalCase = TestSuites.Case("a", "Team?") with { Expected = "$12" };

        Check(new AssertionSpec("contains") { Value = "{{ expected }}" }, new TargetResponse("It is $12."), evalCase).Status.Should().Be(AssertionStatus.Passed);
    }
}
