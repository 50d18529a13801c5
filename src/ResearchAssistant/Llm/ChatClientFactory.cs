using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using ResearchAssistant.Configuration;

namespace ResearchAssistant.Llm;

/// <summary>
/// Builds the <see cref="IChatClient"/> for the configured provider. Every provider goes through the OpenAI SDK:
/// OpenAI (LLM_API_KEY only), or any OpenAI-compatible base URL: Azure OpenAI's v1 endpoint
/// (https://&lt;resource&gt;.openai.azure.com/openai/v1, the deployment name as LLM_MODEL), Ollama or vLLM.
/// </summary>
public static class ChatClientFactory
{
    /// <summary>Sent when a local server needs no key: the SDK always requires a credential.</summary>
    internal const string PlaceholderApiKey = "no-key-required";

    public static IChatClient Create(AssistantSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.LlmModel is null)
        {
            throw new ResearchAssistantException("Cannot create a chat client without LLM_MODEL; the service is in offline mode.");
        }

        var options = new OpenAIClientOptions();
        if (settings.LlmBaseUrl is not null)
        {
            options.Endpoint = settings.LlmBaseUrl;
        }

        var credential = new ApiKeyCredential(settings.LlmApiKey ?? PlaceholderApiKey);
        var client = new ChatClient(settings.LlmModel, credential, options);
        return new OpenAIChatClientAdapter(client, settings.LlmBaseUrl, settings.LlmModel);
    }
}
