using Microsoft.Extensions.AI;
using ResearchAssistant.Prompts;
using ResearchAssistant.Retrieval;

namespace ResearchAssistant.Answering;

/// <summary>
/// Answers with a language model: renders the configured prompt version with the question and the passages, calls the
/// <see cref="IChatClient"/> with the prompt's model settings, and keeps the citations that name given passages.
/// </summary>
public sealed class LlmAnswerer : IAnswerer
{
    /// <summary>Product name offered to prompts as the <c>product</c> variable.</summary>
    public const string ProductName = "Lumen Notebook";

    private readonly IChatClient _chatClient;
    private readonly PromptTemplate _prompt;

    /// <summary>The variables this service provides to prompt templates.</summary>
    public static IReadOnlyList<string> ProvidedVariables { get; } = ["question", "context", "product"];

    public LlmAnswerer(IChatClient chatClient, PromptTemplate prompt, string model)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var unknown = prompt.Variables.Except(ProvidedVariables, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ResearchAssistantException(
                $"{prompt.SourcePath}: declares {string.Join(", ", unknown)}, which the service cannot fill. " +
                $"Use only {string.Join(", ", ProvidedVariables)}.");
        }

        _chatClient = chatClient;
        _prompt = prompt;
        Model = model;
    }

    public string Model { get; }

    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<RetrievedPassage> passages, CancellationToken cancellationToken)
    {
        var available = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["question"] = question,
            ["context"] = ContextFormatter.Format(passages),
            ["product"] = ProductName,
        };
        var rendered = _prompt.Render(available);
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, rendered.System),
            new(ChatRole.User, rendered.User),
        };
        var options = new ChatOptions
        {
            ModelId = Model,
            Temperature = _prompt.Model.Temperature,
            MaxOutputTokens = _prompt.Model.MaxTokens,
        };

        var response = await _chatClient.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var text = response.Text.Trim();
        return new Answer(
            text,
            CitationParser.Parse(text, passages.Select(p => p.Document.Id)),
            string.IsNullOrWhiteSpace(response.ModelId) ? Model : response.ModelId,
            response.Usage?.InputTokenCount ?? 0,
            response.Usage?.OutputTokenCount ?? 0);
    }
}
