namespace Tollgate.Evaluation.Tests.Providers;

public sealed class PromptFileProviderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_prompt_file_supplies_the_messages_and_model_settings()
    {
        _dir.Write("prompts/answer/v1.yaml", """
            name: answer
            version: v1
            model: { temperature: 0.2, max_tokens: 64 }
            variables: [question, context]
            system: Answer from the context only.
            user: |
              Question: {{ question }}
              Context: {{ context }}
            """);
        await using var server = await FakeOpenAI.StartAsync((_, _) => FakeReply.Text("$12 per seat"));
        var path = _dir.Write("evals/suite.yaml", $$"""
            provider: { type: openai, model: gpt-4o-mini, base_url: "{{server.BaseUrl}}", prompt: ../prompts/answer/v1.yaml }
            tests:
              - id: team
                vars: { question: "Team price?", context: "[doc-4] Team is $12 per seat." }
            """);

        var suite = SuiteLoader.Load(path);
        var run = await new EvaluationRunner().RunAsync(suite, TestSuites.OfflineOptions(), null, CancellationToken.None);

        suite.Provider.Temperature.Should().Be(0.2);
        suite.Provider.MaxTokens.Should().Be(64);
        run.Cases.Single().Attempts.Single().Output.Should().Be("$12 per seat");
        var call = server.ChatCalls.Single();
        call.System.Should().Be("Answer from the context only.");
        call.User.TrimEnd().Should().Be("Question: Team price?\nContext: [doc-4] Team is $12 per seat.");
    }

    [Fact]
    public void A_case_missing_a_prompt_variable_fails_before_any_call()
    {
        _dir.Write("prompts/answer/v1.yaml", "name: answer\nversion: v1\nvariables: [question, context]\nuser: \"{{ question }} {{ context }}\"\n");
        var path = _dir.Write("evals/suite.yaml", """
            provider: { type: openai, model: m, prompt: ../prompts/answer/v1.yaml }
            tests:
              - id: team
                vars: { question: "Team price?", contxt: "x" }
            """);

        var act = () => SuiteLoader.Load(path);

        act.Should().Throw<SuiteException>().Which.Message.Should()
            .Contain("template variable 'context' is not declared by case 'team'").And.Contain("did you mean 'contxt'?");
    }

    [Fact]
    public void A_missing_prompt_file_names_the_path()
    {
        var path = _dir.Write("suite.yaml", "provider: { type: openai, model: m, prompt: prompts/none/v9.yaml }\ntests: [{ id: a }]\n");

        var act = () => SuiteLoader.Load(path);

        act.Should().Throw<SuiteException>().Which.Message.Should().Contain("prompts/none/v9.yaml' does not exist");
    }
}
