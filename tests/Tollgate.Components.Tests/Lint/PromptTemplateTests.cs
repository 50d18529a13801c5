using Tollgate.Evaluation.Prompts;

namespace Tollgate.Components.Tests.Lint;

public class PromptTemplateTests
{
    [Fact]
    public void Placeholders_with_and_without_spaces_are_found_with_their_line_and_column()
    {
        var template = PromptTemplate.Parse("Question: {{question}}\nContext:\n  {{ context }} and {{question}}");

        template.Errors.Should().BeEmpty();
        template.Usages.Should().Equal(
            new PromptVariableUsage("question", 1, 11),
            new PromptVariableUsage("context", 3, 3),
            new PromptVariableUsage("question", 3, 21));
        template.Variables.Should().Equal("question", "context");
    }

    [Fact]
    public void Rendering_fills_every_placeholder_and_keeps_single_braces()
    {
        var template = PromptTemplate.Parse("Answer {{ question }} as JSON {\"answer\": \"...\"} using {{context}}.");

        template.Render(new Dictionary<string, string> { ["question"] = "why?", ["context"] = "[doc-1] text" })
            .Should().Be("Answer why? as JSON {\"answer\": \"...\"} using [doc-1] text.");
    }

    [Fact]
    public void Rendering_without_a_used_variable_names_the_variable_and_where_it_is_used()
    {
        var template = PromptTemplate.Parse("Q: {{question}}\nC: {{context}}");

        var render = () => template.Render(new Dictionary<string, string> { ["question"] = "q" }, "prompts/answer/v1.yaml (user)");

        render.Should().Throw<PromptTemplateException>()
            .WithMessage("*prompts/answer/v1.yaml (user)*no value for variable(s) context*line 2, column 4*given: question*");
    }

    [Fact]
    public void The_json_filter_inserts_a_JSON_string_and_a_lone_closing_pair_is_text_as_in_JSON_bodies()
    {
        var template = PromptTemplate.Parse("{\"input\": {\"q\": {{ question | json }}}}");

        template.Errors.Should().BeEmpty();
        template.Usages.Should().ContainSingle().Which.Filter.Should().Be("json");
        template.Render(new Dictionary<string, string> { ["question"] = "say \"hi\"\n" })
            .Should().Be("{\"input\": {\"q\": \"say \\u0022hi\\u0022\\n\"}}");
    }

    [Theory]
    [InlineData("Hello {{ name", 1, 7, "never closed")]
    [InlineData("Hello {{ name | upper }}", 1, 7, "Unknown filter 'upper'")]
    [InlineData("a\nb {{ }} c", 2, 3, "Empty placeholder")]
    [InlineData("{{ user.name }}", 1, 1, "only '{{ identifier }}'")]
    [InlineData("{{#if x}}yes{{/if}}", 1, 1, "no logic")]
    [InlineData("{{ first\n}}", 1, 1, "cannot span lines")]
    public void Bad_braces_are_syntax_errors_with_their_position(string text, int line, int column, string message)
    {
        var template = PromptTemplate.Parse(text);

        template.Errors.Should().NotBeEmpty();
        template.Errors[0].Line.Should().Be(line);
        template.Errors[0].Column.Should().Be(column);
        template.Errors[0].Message.Should().Contain(message);
        template.Invoking(t => t.Render(new Dictionary<string, string>())).Should().Throw<PromptTemplateException>();
    }
}
