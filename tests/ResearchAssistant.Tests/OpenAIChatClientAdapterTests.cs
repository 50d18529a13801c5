using System.ClientModel;
using Microsoft.Extensions.AI;
using ResearchAssistant.Configuration;
using ResearchAssistant.Llm;

namespace ResearchAssistant.Tests;

public sealed class OpenAIChatClientAdapterTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_adapter_sends_model_messages_and_options_in_the_OpenAI_wire_format()
    {
        using var client = CreateClient(apiKey: "sk-adapter-key");

        await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "Hi?"), new ChatMessage(ChatRole.Assistant, "Hello."), new ChatMessage(ChatRole.User, "Price?")],
            new ChatOptions { Temperature = 0.3f, MaxOutputTokens = 128, TopP = 0.9f, StopSequences = ["END"] });

        var request = _server.Requests.Should().ContainSingle().Subject;
        request.Authorization.Should().Be("Bearer sk-adapter-key");
        request.Body["model"]!.GetValue<string>().Should().Be("llama3.1");
        request.Body["temperature"]!.GetValue<double>().Should().BeApproximately(0.3, 1e-6);
        request.Body["top_p"]!.GetValue<double>().Should().BeApproximately(0.9, 1e-6);
        request.Body["max_completion_tokens"]!.GetValue<int>().Should().Be(128);
        request.Body["stop"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal("END");
        var messages = request.Body["messages"]!.AsArray()
            .Select(m => (m!["role"]!.GetValue<string>(), ContentText(m["content"]!)))
            .ToList();
        messages.Should().Equal(("system", "Be brief."), ("user", "Hi?"), ("assistant", "Hello."), ("user", "Price?"));
    }

    [Fact]
    public async Task The_adapter_maps_the_completion_text_model_id_finish_reason_and_usage()
    {
        _server.ReplyText = "It costs $12 [doc-004].";
        _server.PromptTokens = 1200;
        _server.CompletionTokens = 34;
        using var client = CreateClient();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Price?")]);

        response.Text.Should().Be("It costs $12 [doc-004].");
        response.Messages.Should().ContainSingle().Which.Role.Should().Be(ChatRole.Assistant);
        response.ModelId.Should().Be("gpt-4o-mini-2024-07-18");
        response.ResponseId.Should().Be("chatcmpl-test-1");
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        response.Usage!.InputTokenCount.Should().Be(1200);
        response.Usage.OutputTokenCount.Should().Be(34);
        response.Usage.TotalTokenCount.Should().Be(1234);
    }

    [Fact]
    public async Task Options_left_unset_are_not_sent()
    {
        using var client = CreateClient();

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]);

        var body = _server.Requests.Should().ContainSingle().Subject.Body;
        body.ContainsKey("temperature").Should().BeFalse();
        body.ContainsKey("max_completion_tokens").Should().BeFalse();
    }

    [Fact]
    public async Task Streaming_yields_the_text_in_pieces_and_the_usage_at_the_end()
    {
        _server.ReplyText = "Annual billing is about 17% cheaper [doc-006].";
        using var client = CreateClient();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Discount?")]))
        {
            updates.Add(update);
        }

        updates.Should().HaveCountGreaterThan(2);
        string.Concat(updates.Select(u => u.Text)).Should().Be("Annual billing is about 17% cheaper [doc-006].");
        updates.Should().Contain(u => u.FinishReason == ChatFinishReason.Stop);
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Should().ContainSingle().Subject.Details;
        usage.InputTokenCount.Should().Be(321);
        usage.OutputTokenCount.Should().Be(45);
        _server.Requests.Should().ContainSingle().Which.Body["stream"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task An_error_status_from_the_server_surfaces_as_a_ClientResultException()
    {
        _server.FailWithStatus = 503;
        using var client = CreateClient();

        var act = () => client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]);

        (await act.Should().ThrowAsync<ClientResultException>()).Which.Status.Should().Be(503);
    }

    [Fact]
    public async Task A_tool_message_is_rejected_with_a_message_naming_the_role()
    {
        using var client = CreateClient();

        var act = () => client.GetResponseAsync([new ChatMessage(ChatRole.Tool, "result")]);

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*'tool'*");
        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public void The_adapter_describes_itself_through_GetService()
    {
        using var client = CreateClient();

        var metadata = client.GetService<ChatClientMetadata>();

        metadata!.DefaultModelId.Should().Be("llama3.1");
        metadata.ProviderUri.Should().Be(_server.BaseUrl);
        client.GetService<OpenAI.Chat.ChatClient>().Should().NotBeNull();
        client.GetService<IChatClient>().Should().BeSameAs(client);
        client.GetService<ChatClientMetadata>("some-key").Should().BeNull();
    }

    [Fact]
    public async Task Without_an_api_key_a_placeholder_bearer_token_is_sent_for_local_servers()
    {
        using var client = CreateClient(apiKey: null);

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]);

        _server.Requests.Should().ContainSingle().Which.Authorization.Should().Be("Bearer no-key-required");
    }

    private IChatClient CreateClient(string? apiKey = "sk-test") => ChatClientFactory.Create(new AssistantSettings
    {
        LlmBaseUrl = _server.BaseUrl,
        LlmApiKey = apiKey,
        LlmModel = "llama3.1",
        DocumentsDirectory = RepositoryFiles.DocumentsDirectory,
        PromptsDirectory = RepositoryFiles.PromptsDirectory,
        ServiceVersion = "test",
    });

    // The SDK sends text content either as a string or as an array of {type: text, text} parts.
    private static string ContentText(System.Text.Json.Nodes.JsonNode content) =>
        content is System.Text.Json.Nodes.JsonArray parts
            ? string.Concat(parts.Select(p => p!["text"]!.GetValue<string>()))
            : content.GetValue<string>();
}
