using System.Globalization;

namespace ResearchAssistant.Configuration;

/// <summary>
/// The service's settings, read from configuration (environment variables, command line, appsettings.json).
/// <see cref="LlmApiKey"/> is a secret: it is left out of <see cref="ToString"/> and never logged or returned.
/// </summary>
public sealed record AssistantSettings
{
    public const string OfflineModelName = "offline-extractive";
    public const int DefaultTopK = 5;
    public const string DefaultPromptVersion = "v1";
    public const string PromptName = "answer";

    /// <summary>Base URL of an OpenAI-compatible API ending in /v1; unset means the public OpenAI endpoint.</summary>
    public Uri? LlmBaseUrl { get; init; }

    /// <summary>API key; never logged. Defaults to a placeholder for local servers (Ollama, vLLM) that ignore it.</summary>
    public string? LlmApiKey { get; init; }

    /// <summary>Model (or Azure OpenAI deployment) name; unset together with the URL and key means offline mode.</summary>
    public string? LlmModel { get; init; }

    public string PromptVersion { get; init; } = DefaultPromptVersion;

    public int TopK { get; init; } = DefaultTopK;

    public required string DocumentsDirectory { get; init; }

    public required string PromptsDirectory { get; init; }

    /// <summary>The version reported by /health: APP_VERSION if set, else the assembly's informational version.</summary>
    public required string ServiceVersion { get; init; }

    public bool IsOffline => LlmModel is null;

    /// <summary>The label of the answering model in /health and in every response.</summary>
    public string ModelLabel => LlmModel ?? OfflineModelName;

    public override string ToString() =>
        $"AssistantSettings {{ Model = {ModelLabel}, LlmBaseUrl = {LlmBaseUrl?.ToString() ?? "(default)"}, " +
        $"LlmApiKey = {(LlmApiKey is null ? "(unset)" : "***")}, PromptVersion = {PromptVersion}, TopK = {TopK} }}";

    /// <summary>Reads and validates the settings; errors name the setting and the fix.</summary>
    public static AssistantSettings FromConfiguration(IConfiguration configuration, string baseDirectory, string assemblyVersion)
    {
        var baseUrl = Read(configuration, "LLM_BASE_URL");
        var apiKey = Read(configuration, "LLM_API_KEY");
        var model = Read(configuration, "LLM_MODEL");

        if (model is null && (baseUrl is not null || apiKey is not null))
        {
            throw new ResearchAssistantException(
                "LLM_BASE_URL or LLM_API_KEY is set but LLM_MODEL is not. Set LLM_MODEL to the model or deployment " +
                "name (for example gpt-4o-mini or llama3.1), or unset all LLM_* variables to use the offline answerer.");
        }

        if (model is not null && baseUrl is null && apiKey is null)
        {
            throw new ResearchAssistantException(
                "LLM_MODEL is set but neither LLM_API_KEY nor LLM_BASE_URL is. Set LLM_API_KEY for the OpenAI API, or " +
                "LLM_BASE_URL for an OpenAI-compatible server (for example http://127.0.0.1:11434/v1 for Ollama).");
        }

        return new AssistantSettings
        {
            LlmBaseUrl = baseUrl is null ? null : ParseUrl(baseUrl),
            LlmApiKey = apiKey,
            LlmModel = model,
            PromptVersion = Read(configuration, "PROMPT_VERSION") ?? DefaultPromptVersion,
            TopK = ParseTopK(Read(configuration, "TOP_K")),
            DocumentsDirectory = Read(configuration, "DOCUMENTS_DIR") ?? Path.Combine(baseDirectory, "data", "documents"),
            PromptsDirectory = Read(configuration, "PROMPTS_DIR") ?? Path.Combine(baseDirectory, "prompts"),
            ServiceVersion = Read(configuration, "APP_VERSION") ?? assemblyVersion,
        };
    }

    private static string? Read(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static Uri ParseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ResearchAssistantException(
                $"LLM_BASE_URL '{text}' is not an absolute http(s) URL. Use the API base ending in /v1, for example " +
                "http://127.0.0.1:11434/v1 (Ollama) or https://<resource>.openai.azure.com/openai/v1 (Azure OpenAI).");
        }

        return uri;
    }

    private static int ParseTopK(string? text)
    {
        if (text is null)
        {
            return DefaultTopK;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 50)
        {
            throw new ResearchAssistantException(
                $"TOP_K '{text}' is not a whole number between 1 and 50. Set TOP_K to how many passages to retrieve (default {DefaultTopK}).");
        }

        return value;
    }
}
