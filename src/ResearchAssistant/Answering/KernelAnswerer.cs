using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using ResearchAssistant.Llm;
using ResearchAssistant.Prompts;
using ResearchAssistant.Retrieval;

namespace ResearchAssistant.Answering;

/// <summary>
/// Answers through Semantic Kernel: invokes the configured prompt version as a prompt function with the question and the
/// passages, with the prompt's model settings, on the Kernel's chat client (a model, or the offline answerer), and keeps
/// the citations that name given passages.
/// </summary>
public sealed class KernelAnswerer
{
    /// <summary>Product name offered to prompts as the <c>product</c> variable.</summary>
    public const string ProductName = "Lumen Notebook";

    private readonly Kernel _kernel;
    private readonly PromptTemplate _prompt;
    private readonly KernelFunction _function;

    public KernelAnswerer(Kernel kernel, PromptTemplate prompt, string model)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var unknown = prompt.Variables.Except(ProvidedVariables, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ResearchAssistantException(
                $"{prompt.SourcePath}: declares {string.Join(", ", unknown)}, which the service cannot fill. " +
                $"Use only {string.Join(", ", ProvidedVariables)}.");
        }

        _kernel = kernel;
        _prompt = prompt;
        _function = prompt.ToKernelFunction();
        Model = model;
    }

    /// <summary>The variables this service provides to prompt templates.</summary>
    public static IReadOnlyList<string> ProvidedVariables { get; } = ["question", "context", "product"];

    /// <summary>The model label shown in /health and in responses.</summary>
    public string Model { get; }

    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<RetrievedPassage> passages, CancellationToken cancellationToken)
    {
        var settings = new PromptExecutionSettings
        {
            ModelId = Model,
            ExtensionData = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                [RetrievalContext.Key] = new RetrievalContext(question, passages),
            },
        };
        if (_prompt.Model.Temperature is { } temperature)
        {
            settings.ExtensionData["temperature"] = temperature;
        }

        if (_prompt.Model.MaxTokens is { } maxTokens)
        {
            settings.ExtensionData["max_tokens"] = maxTokens;
        }

        var arguments = new KernelArguments(settings)
        {
            ["question"] = question,
            ["context"] = ContextFormatter.Format(passages),
            ["product"] = ProductName,
        };
        var result = await _kernel.InvokeAsync(_function, arguments, cancellationToken).ConfigureAwait(false);
        var response = result.GetValue<ChatResponse>() ?? throw new ResearchAssistantException("The prompt function returned no chat response.");
        var text = response.Text.Trim();
        return new Answer(
            text,
            CitationParser.Parse(text, passages.Select(p => p.Document.Id)),
            string.IsNullOrWhiteSpace(response.ModelId) ? Model : response.ModelId,
            response.Usage?.InputTokenCount ?? 0,
            response.Usage?.OutputTokenCount ?? 0);
    }
}
