using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using ResearchAssistant.Prompts;
using Tollgate.TestSupport;

namespace ResearchAssistant.Tests;

public sealed class PromptLibraryTests : IDisposable
{
    private readonly TempDirectory _directory = new("prompts");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void The_shipped_prompt_versions_load_and_declare_exactly_the_variables_they_use()
    {
        var library = new PromptLibrary(RepositoryFiles.PromptsDirectory);

        library.Versions("answer").Should().Contain(["v1", "v2"]);
        foreach (var version in library.Versions("answer"))
        {
            var prompt = library.Load("answer", version);
            prompt.UsedVariables().Should().BeEquivalentTo(prompt.Variables);
            prompt.Model.MaxTokens.Should().BePositive();
        }
    }

    [Fact]
    public async Task A_prompt_renders_through_Semantic_Kernel_with_placeholders_with_and_without_spaces_and_markup_kept_literal()
    {
        Write("demo", "v1", "variables: [question, context]\nsystem: \"Use {{context}} & <b>cite</b>.\"\nuser: \"Q: {{ question }}\"");
        var messages = await SentThroughKernelAsync(new KernelArguments { ["question"] = "Why <not> & \"how\"?", ["context"] = "[doc-001] text" });

        messages.Should().Equal(
            ("system", "Use [doc-001] text & <b>cite</b>."),
            ("user", "Q: Why <not> & \"how\"?"));
    }

    [Fact]
    public async Task A_closing_brace_pair_outside_a_placeholder_is_text_as_in_every_Tollgate_template()
    {
        Write("demo", "v1", "variables: [question]\nsystem: 'Reply as {\"answer\": {\"text\": \"...\"}}'\nuser: \"{{question}}\"");
        var messages = await SentThroughKernelAsync(new KernelArguments { ["question"] = "q" });

        messages.Should().Equal(
            ("system", "Reply as {\"answer\": {\"text\": \"...\"}}"),
            ("user", "q"));
    }

    // Loads demo/v1, invokes it through a Kernel and returns the (role, text) of the messages the chat client received.
    private async Task<List<(string Role, string? Text)>> SentThroughKernelAsync(KernelArguments arguments)
    {
        var function = new PromptLibrary(_directory.Path).Load("demo", "v1").ToKernelFunction();
        var chat = new RecordingChatClient();
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton<IChatClient>(chat);
        await builder.Build().InvokeAsync(function, arguments);
        return [.. chat.Messages.Select(m => (m.Role.Value, m.Text))];
    }

    private sealed class RecordingChatClient : IChatClient
    {
        public List<ChatMessage> Messages { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Messages.AddRange(messages);
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("recording") : null;

        public void Dispose()
        {
        }
    }

    [Fact]
    public void The_model_settings_are_read()
    {
        Write("demo", "v3", "model: { temperature: 0.7, max_tokens: 99 }\nvariables: [question]\nsystem: s\nuser: \"{{question}}\"");

        new PromptLibrary(_directory.Path).Load("demo", "v3").Model.Should().Be(new PromptModelSettings(0.7f, 99));
    }

    [Fact]
    public void A_used_but_undeclared_variable_is_an_error_naming_the_file_and_the_variable()
    {
        Write("demo", "v1", "variables: [question]\nsystem: \"{{ tone }}\"\nuser: \"{{question}}\"");

        var act = () => new PromptLibrary(_directory.Path).Load("demo", "v1");

        act.Should().Throw<ResearchAssistantException>().WithMessage($"*{Path.Combine("demo", "v1.yaml")}*uses tone without declaring it*");
    }

    [Fact]
    public void A_declared_but_unused_variable_is_an_error()
    {
        Write("demo", "v1", "variables: [question, context]\nsystem: s\nuser: \"{{question}}\"");

        var act = () => new PromptLibrary(_directory.Path).Load("demo", "v1");

        act.Should().Throw<ResearchAssistantException>().WithMessage("*declares context but never uses it*");
    }

    [Fact]
    public void Template_logic_is_rejected()
    {
        Write("demo", "v1", "variables: [question]\nsystem: \"{{#if question}}x{{/if}}\"\nuser: \"{{question}}\"");

        var act = () => new PromptLibrary(_directory.Path).Load("demo", "v1");

        act.Should().Throw<ResearchAssistantException>().WithMessage("*'{{#if question}}*is not a placeholder*");
    }

    [Fact]
    public void A_missing_version_lists_the_versions_that_exist()
    {
        Write("demo", "v1", "variables: []\nsystem: s\nuser: u");
        Write("demo", "v2", "variables: []\nsystem: s\nuser: u");

        var act = () => new PromptLibrary(_directory.Path).Load("demo", "v9");

        act.Should().Throw<ResearchAssistantException>().WithMessage("*'v9' not found*Set PROMPT_VERSION to one of: v1, v2*");
    }

    [Fact]
    public void The_version_field_must_match_the_file_name()
    {
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(_directory["demo"]).FullName, "v2.yaml"), "name: demo\nversion: v1\nvariables: []\nsystem: s\nuser: u");

        var act = () => new PromptLibrary(_directory.Path).Load("demo", "v2");

        act.Should().Throw<ResearchAssistantException>().WithMessage("*field 'version' is 'v1', expected 'v2'*");
    }

    private void Write(string name, string version, string body)
    {
        var folder = Directory.CreateDirectory(_directory[name]).FullName;
        File.WriteAllText(Path.Combine(folder, version + ".yaml"), $"name: {name}\nversion: {version}\ndescription: test\n{body}\n");
    }
}
