using ResearchAssistant.Answering;

namespace ResearchAssistant.Tests;

public sealed class CitationParserTests
{
    private static readonly string[] Given = ["doc-004", "doc-018", "doc-003"];

    [Fact]
    public void Bracketed_ids_are_returned_in_order_of_first_citation_without_duplicates()
    {
        CitationParser.Parse("A [doc-018]. B [doc-004]. C [doc-018].", Given).Should().Equal("doc-018", "doc-004");
    }

    [Fact]
    public void Several_ids_in_one_bracket_are_all_read()
    {
        CitationParser.Parse("Both apply [doc-004, doc-003].", Given).Should().Equal("doc-004", "doc-003");
    }

    [Fact]
    public void Ids_that_were_not_given_to_the_model_are_dropped()
    {
        CitationParser.Parse("Invented [doc-999] and real [doc-003].", Given).Should().Equal("doc-003");
    }

    [Fact]
    public void Ids_outside_brackets_are_not_citations_and_case_is_normalized()
    {
        CitationParser.Parse("See doc-004 for details [DOC-018].", Given).Should().Equal("doc-018");
    }
}
