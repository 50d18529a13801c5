using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using ResearchAssistant.Answering;
using ResearchAssistant.Configuration;
using ResearchAssistant.Documents;
using ResearchAssistant.Llm;
using ResearchAssistant.Prompts;
using ResearchAssistant.Retrieval;

namespace ResearchAssistant.Tests;

/// <summary>The offline path runs through Semantic Kernel: prompt function, Kernel, and the extractive chat client.</summary>
public sealed class KernelAnswererTests
{
    private readonly Tokenizer _tokenizer = new();
    private readonly Bm25Index _index;
    private readonly ExtractiveAnswerer _extractive;

    public KernelAnswererTests()
    {
        _index = new Bm25Index(DocumentStore.Load(RepositoryFiles.DocumentsDirectory), _tokenizer);
        _extractive = new ExtractiveAnswerer(_index, _tokenizer);
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task Offline_every_golden_question_is_answered_through_Semantic_Kernel_exactly_as_the_extractive_answerer_answers_it(string promptVersion)
    {
        var settings = new AssistantSettings { DocumentsDirectory = RepositoryFiles.DocumentsDirectory, PromptsDirectory = RepositoryFiles.PromptsDirectory, ServiceVersion = "test" };
        var kernel = KernelFactory.Create(settings, _extractive);
        var prompt = new PromptLibrary(RepositoryFiles.PromptsDirectory).Load(AssistantSettings.PromptName, promptVersion);
        var answerer = new KernelAnswerer(kernel, prompt, settings.ModelLabel);

        foreach (var goldenCase in GoldenSet.Load())
        {
            var passages = _index.Search(goldenCase.Question, AssistantSettings.DefaultTopK);

            var throughKernel = await answerer.AnswerAsync(goldenCase.Question, passages, CancellationToken.None);
            var direct = await _extractive.AnswerAsync(goldenCase.Question, passages, CancellationToken.None);

            throughKernel.Text.Should().Be(direct.Text, goldenCase.Id);
            throughKernel.Citations.Should().Equal(direct.Citations, goldenCase.Id);
            throughKernel.Model.Should().Be(AssistantSettings.OfflineModelName);
            throughKernel.PromptTokens.Should().Be(0);
        }
    }

    [Fact]
    public async Task The_offline_chat_client_called_without_the_retrieval_says_how_to_call_it()
    {
        using var client = new ExtractiveChatClient(_extractive);

        var act = () => client.GetResponseAsync([new ChatMessage(ChatRole.User, "How do I reset my password?")]);

        (await act.Should().ThrowAsync<ResearchAssistantException>()).Which.Message.Should().Contain(RetrievalContext.Key).And.Contain("KernelAnswerer");
        client.GetService<ChatClientMetadata>()!.DefaultModelId.Should().Be(AssistantSettings.OfflineModelName);
    }

    [Fact]
    public async Task The_offline_chat_client_streams_the_same_answer()
    {
        using var client = new ExtractiveChatClient(_extractive);
        const string Question = "How long is the password reset link valid?";
        var options = new ChatOptions { AdditionalProperties = new() { [RetrievalContext.Key] = new RetrievalContext(Question, _index.Search(Question, 5)) } };

        var streamed = await client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, Question)], options).ToChatResponseAsync();

        streamed.Text.Should().Contain("[doc-057]").And.Be((await client.GetResponseAsync([new ChatMessage(ChatRole.User, Question)], options)).Text);
    }

    [Fact]
    public void A_prompt_declaring_a_variable_the_service_cannot_fill_is_rejected_at_start()
    {
        var prompt = new PromptTemplate("answer", "v9", string.Empty, new PromptModelSettings(null, null), ["question", "tone"], "s {{ tone }}", "{{ question }}", "prompts/answer/v9.yaml");

        var act = () => new KernelAnswerer(Kernel.CreateBuilder().Build(), prompt, "m");

        act.Should().Throw<ResearchAssistantException>().WithMessage("*prompts/answer/v9.yaml*tone*question, context, product*");
    }
}
