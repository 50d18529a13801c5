using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using OpenAI;
using ResearchAssistant.Answering;
using ResearchAssistant.Configuration;

namespace ResearchAssistant.Llm;

/// <summary>
/// Builds the Semantic Kernel the service answers with. With LLM_MODEL set, its chat client is Semantic Kernel's OpenAI
/// connector over the OpenAI SDK (Microsoft.Extensions.AI.OpenAI underneath): OpenAI (LLM_API_KEY only), or any
/// OpenAI-compatible base URL in LLM_BASE_URL (Azure OpenAI's v1 endpoint, Ollama, vLLM, a recording proxy). Offline,
/// the chat client is the <see cref="ExtractiveChatClient"/>; everything above it is the same.
/// </summary>
public static class KernelFactory
{
    /// <summary>Sent when a local server needs no key: the SDK always requires a credential.</summary>
    internal const string PlaceholderApiKey = "no-key-required";

    public static Kernel Create(AssistantSettings settings, ExtractiveAnswerer offlineAnswerer)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Kernel.CreateBuilder();
        if (settings.LlmModel is null)
        {
            builder.Services.AddSingleton<IChatClient>(new ExtractiveChatClient(offlineAnswerer));
        }
        else
        {
            var options = new OpenAIClientOptions();
            if (settings.LlmBaseUrl is not null)
            {
                options.Endpoint = settings.LlmBaseUrl;
            }

            var client = new OpenAIClient(new ApiKeyCredential(settings.LlmApiKey ?? PlaceholderApiKey), options);
            builder.AddOpenAIChatClient(settings.LlmModel, client);
        }

        return builder.Build();
    }
}
