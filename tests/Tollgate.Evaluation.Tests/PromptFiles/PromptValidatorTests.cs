using Tollgate.Evaluation.Prompts;

namespace Tollgate.Evaluation.Tests.PromptFiles;

public sealed class PromptValidatorTests : IDisposable
{
    private const string ValidPrompt = """
        name: answer
        version: v1
        description: Answers a question from retrieved passages.
        model: { temperature: 0, max_tokens: 512 }
        variables: [question, context]
        system: |
          You answer questions about Acme Widgets using only the passages given.
          Cite passage ids in square brackets.
        user: |
          Question: {{question}}
          Context:
          {{ context }}
        """;

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    [Trait("Category", "Smoke")]
    public void A_valid_prompt_file_parses_with_its_settings_and_has_no_problems()
    {
        var path = _directory.Write("prompts/answer/v1.yaml", ValidPrompt);

        var parsed = PromptFileParser.Parse(path);

        parsed.Problems.Should().BeEmpty();
        var prompt = parsed.File!;
        prompt.Name.Should().Be("answer");
        prompt.Version.Should().Be("v1");
        prompt.Model.Should().Be(new PromptModelSettings(Temperature: 0, MaxTokens: 512));
        prompt.Variables.Should().Equal("question", "context");
        prompt.User.Should().Be("Question: {{question}}\nContext:\n{{ context }}");
        new PromptValidator().Validate(prompt).Should().BeEmpty();
        prompt.Render(new Dictionary<string, string> { ["question"] = "What is X?", ["context"] = "[d1] X is Y." }).User
            .Should().Be("Question: What is X?\nContext:\n[d1] X is Y.");
    }

    [Fact]
    public void A_used_but_undeclared_variable_is_an_error_at_its_file_line_and_column()
    {
        var path = _directory.Write("prompts/answer/v1.yaml", ValidPrompt.Replace("{{ context }}", "{{ contxt }}", StringComparison.Ordinal));

        var problems = new PromptValidator().ValidateFile(path, "src/app/prompts/answer/v1.yaml");

        var undeclared = problems.Should().ContainSingle(d => d.Code == PromptDiagnosticCodes.UndeclaredVariable).Subject;
        undeclared.Severity.Should().Be(LogLevel.Error);
        undeclared.File.Should().Be("src/app/prompts/answer/v1.yaml");
        undeclared.Line.Should().Be(12);
        undeclared.Column.Should().Be(3);
        undeclared.Message.Should().Contain("'contxt'").And.Contain("did you mean 'context'");
        undeclared.ToString().Should().StartWith("src/app/prompts/answer/v1.yaml:12:3: error PROMPT005:");

        // The declared 'context' is now unused: that is reported too, at the line declaring it.
        var unused = problems.Should().ContainSingle(d => d.Code == PromptDiagnosticCodes.UnusedVariable).Subject;
        unused.Line.Should().Be(5);
        unused.Message.Should().Contain("'context'");
    }

    [Fact]
    public void A_declared_but_unused_variable_is_reported_at_its_declaration()
    {
        var text = ValidPrompt.Replace("variables: [question, context]", "variables:\n  - question\n  - context\n  - audience", StringComparison.Ordinal);
        var path = _directory.Write("prompts/answer/v1.yaml", text);

        var problems = new PromptValidator().ValidateFile(path);

        var unused = problems.Should().ContainSingle().Subject;
        unused.Code.Should().Be(PromptDiagnosticCodes.UnusedVariable);
        unused.Line.Should().Be(8);
        unused.Message.Should().Contain("'audience'").And.Contain("never reaches the model");
    }

    // Bad braces, and the '| json' filter of suite bodies, which the service's renderer (Semantic Kernel) does not have.
    [Theory]
    [InlineData("Question: {{question}", "never closed")]
    [InlineData("Question: {{ question | json }}", "uses a filter")]
    public void A_template_error_is_reported_at_its_file_position(string user, string message)
    {
        var path = _directory.Write("prompts/answer/v1.yaml", ValidPrompt.Replace("Question: {{question}}", user, StringComparison.Ordinal));

        var problems = new PromptValidator().ValidateFile(path);

        var syntax = problems.Should().ContainSingle(d => d.Code == PromptDiagnosticCodes.TemplateSyntax).Subject;
        syntax.Line.Should().Be(10);
        syntax.Column.Should().Be(13);
        syntax.Message.Should().Contain("'user'").And.Contain(message);
    }

    [Fact]
    public void Template_positions_in_an_inline_quoted_scalar_map_to_the_file()
    {
        var prompt = PromptFileParser.ParseText("name: a\nversion: v1\nvariables: []\nuser: \"Say {{ x }}\"\n").File!;

        var problem = new PromptValidator().Validate(prompt).Should().ContainSingle().Subject;

        problem.Code.Should().Be(PromptDiagnosticCodes.UndeclaredVariable);
        (problem.Line, problem.Column).Should().Be((4, 12));
    }

    [Fact]
    public void Missing_required_fields_are_errors_that_say_what_to_add()
    {
        var path = _directory.Write("prompts/answer/v1.yaml", "name: answer\nversion: \"\"\nvariables: []\n");

        var problems = new PromptValidator().ValidateFile(path);

        problems.Where(d => d.Code == PromptDiagnosticCodes.MissingField).Select(d => (d.Line, d.Message[..30]))
            .Should().Equal((2, "Required field 'version' is em"), (1, "Required field 'user' is missi"));
    }

    [Fact]
    public void A_file_whose_path_does_not_match_name_and_version_is_an_error()
    {
        var path = _directory.Write("prompts/answers/v2.yaml", ValidPrompt);

        var problems = new PromptValidator().ValidateFile(path);

        problems.Select(d => (d.Code, d.Line)).Should().Equal(
            (PromptDiagnosticCodes.FileNameMismatch, 2),
            (PromptDiagnosticCodes.FileNameMismatch, 1));
        problems[0].Message.Should().Contain("'v2.yaml'").And.Contain("version 'v1'");
        problems[1].Message.Should().Contain("folder 'answers'").And.Contain("name 'answer'");
    }

    [Fact]
    public void A_prompt_over_the_token_limit_is_an_error_that_names_the_count_and_the_encoding()
    {
        var path = _directory.Write("prompts/answer/v1.yaml", ValidPrompt);
        var prompt = PromptFileParser.Parse(path).File!;
        var tokens = TokenCounter.Count(prompt.System) + TokenCounter.Count(prompt.User);

        new PromptValidator(new PromptValidationOptions(MaxTokens: tokens)).Validate(prompt).Should().BeEmpty();
        var problem = new PromptValidator(new PromptValidationOptions(MaxTokens: tokens - 1)).Validate(prompt).Should().ContainSingle().Subject;

        problem.Code.Should().Be(PromptDiagnosticCodes.TokenLimit);
        problem.Line.Should().Be(6);
        problem.Message.Should().Contain($"are {tokens} tokens (o200k_base").And.NotContain("estimate").And.NotContain("about");
    }

    [Theory]
    [InlineData(null, "o200k_base")]
    [InlineData("gpt-4o-mini", "o200k_base")]
    [InlineData("openai/gpt-5", "o200k_base")]
    [InlineData("o3-mini", "o200k_base")]
    [InlineData("gpt-4", "cl100k_base")]
    [InlineData("gpt-4-turbo", "cl100k_base")]
    [InlineData("gpt-3.5-turbo", "cl100k_base")]
    [InlineData("text-embedding-3-small", "cl100k_base")]
    [InlineData("llama3.1", "o200k_base")]
    public void The_encoding_is_chosen_by_model(string? model, string encoding) =>
        TokenCounter.EncodingFor(model).Should().Be(encoding);

    [Fact]
    public void Tokens_are_counted_by_the_tiktoken_encodings_not_by_characters()
    {
        TokenCounter.Count(null).Should().Be(0);
        TokenCounter.Count("hello world").Should().Be(2);
        TokenCounter.Count("hello world", "gpt-4").Should().Be(2);
        TokenCounter.Count(new string('x', 4001)).Should().NotBe(1001, "characters / 4 is gone");
        TokenCounter.Count("Lumen Notebook's Team plan costs $12 per seat per month.").Should().BeInRange(10, 16);
        TokenCounter.Count("日本語のテキストはトークンが多い").Should().BeGreaterThan("日本語のテキストはトークンが多い".Length / 4);
    }

    [Fact]
    public void Invalid_yaml_and_wrongly_typed_fields_are_reported_with_their_line()
    {
        var broken = PromptFileParser.ParseText("name: answer\nuser: |\n  hi\n bad: [\n", "p.yaml");
        broken.File.Should().BeNull();
        broken.Problems.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == PromptDiagnosticCodes.Syntax && d.Line == 4 && d.File == "p.yaml");

        var typed = PromptFileParser.ParseText("name: answer\nversion: v1\nmodel: { temperature: hot, max_tokens: 1.5 }\nvariables: question\nuser: hi\ncolour: red\n");
        typed.Problems.Select(d => (d.Code, d.Line, d.Severity)).Should().Equal(
            (PromptDiagnosticCodes.WrongType, 3, LogLevel.Error),
            (PromptDiagnosticCodes.WrongType, 3, LogLevel.Error),
            (PromptDiagnosticCodes.WrongType, 4, LogLevel.Error),
            (PromptDiagnosticCodes.UnknownField, 6, LogLevel.Warning));
        typed.Problems[0].Message.Should().Contain("model.temperature must be a number from 0 to 2, not 'hot'");
    }
}
