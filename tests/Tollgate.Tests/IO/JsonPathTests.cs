using System.Text.Json;

namespace Tollgate.Tests.IO;

public sealed class JsonPathTests
{
    private const string Answer = """
        {"answer":"Paris","usage":{"promptTokens":12},"retrieved":[{"id":"a","score":0.9},{"id":"b"},{"text":"no id"}],
         "odd key":{"x":1,"y":[true,null]},"data":{"errors":[{"rate":0.02}]}}
        """;

    [Theory]
    [InlineData("$", 1)]
    [InlineData("$.answer", 1)]
    [InlineData("$['odd key'].y[1]", 1)]
    [InlineData("$[\"odd key\"][ 'x' ]", 1)]
    [InlineData("$.retrieved[*].id", 2)]
    [InlineData("$.retrieved[*]", 3)]
    [InlineData("$['odd key'][*]", 2)]
    [InlineData("$.retrieved[7].id", 0)]
    [InlineData("$.answer.length", 0)]
    [InlineData("$.answer[0]", 0)]
    [InlineData("$.answer[*]", 0)]
    public void A_path_selects_every_value_it_reaches_and_nothing_where_a_step_misses(string path, int count)
    {
        using var document = JsonDocument.Parse(Answer);

        JsonPath.Parse(path).Select(document.RootElement).Should().HaveCount(count);
    }

    [Fact]
    public void Selected_values_read_as_strings_in_document_order()
    {
        using var document = JsonDocument.Parse(Answer);

        JsonPath.Parse("$.retrieved[*].id").SelectStrings(document.RootElement).Should().Equal("a", "b");
        JsonPath.Parse("$.usage.promptTokens").SelectStrings(document.RootElement).Should().Equal("12");
        JsonPath.Parse("$['odd key'].y").SelectStrings(document.RootElement).Should().Equal("[true,null]");
        JsonPath.Parse("$.data.errors[0].rate").SelectStrings(document.RootElement).Should().Equal("0.02");
    }

    [Theory]
    [InlineData("answer", "at character 1 expected '$' (every path must start with '$')")]
    [InlineData("$..answer", "at character 2 expected a name after '.'")]
    [InlineData("$.a.", "at character 4 expected a name after '.'")]
    [InlineData("$.a[0", "at character 4 expected a closing ']'")]
    [InlineData("$.a[-1]", "at character 4 expected an index [0] or a quoted name ['name'] or [*]")]
    [InlineData("$.a[1:2]", "(filters and slices are not supported)")]
    [InlineData("$.a[?(@.b)]", "at character 4 expected an index [0]")]
    [InlineData("$.a['b]", "at character 4 expected an index [0]")]
    [InlineData("$a", "at character 2 expected '.' or '['")]
    public void A_path_outside_the_subset_is_rejected_with_where_what_and_how_to_write_it(string path, string problem)
    {
        JsonPath.TryParse(path, out var parsed, out var error).Should().BeFalse();

        parsed.Should().BeNull();
        error.Should().StartWith($"JSON path '{path}': ").And.Contain(problem)
            .And.EndWith("A path is $ followed by .name, ['name'], [0] or [*] steps, e.g. $.answer, $.data.errors[0].rate or $.retrieved[*].id");
        FluentActions.Invoking(() => JsonPath.Parse(path)).Should().Throw<TollgateException>().WithMessage(error);
    }

    [Fact]
    public void A_path_reads_back_as_written()
    {
        var path = JsonPath.Parse("$.retrieved[ 0 ]['id']");

        path.Text.Should().Be("$.retrieved[ 0 ]['id']");
        path.ToString().Should().Be(path.Text);
        JsonPath.TryParse(path.Text, out var again, out var error).Should().BeTrue();
        again!.Text.Should().Be(path.Text);
        error.Should().BeNull();
    }
}
