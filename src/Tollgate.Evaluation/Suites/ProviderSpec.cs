namespace Tollgate.Evaluation;

/// <summary>How the system under test (or a judge) is reached.</summary>
public enum ProviderKind
{
    /// <summary>An OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI, Ollama, vLLM, ...) with a prompt.</summary>
    OpenAI,

    /// <summary>An application's HTTP endpoint, e.g. <c>POST /query</c>.</summary>
    Http,

    /// <summary>A delegate registered in <see cref="EvalRunOptions.Delegates"/>.</summary>
    Delegate,
}

/// <summary>The provider section of a suite.</summary>
/// <param name="Id">The provider name; part of every cache key (the URL is not).</param>
/// <param name="Kind">How it is reached.</param>
public sealed record ProviderSpec(string Id, ProviderKind Kind)
{
    /// <summary>The model name.</summary>
    public string? Model { get; init; }

    /// <summary>The base URL of an OpenAI-compatible server, e.g. <c>http://localhost:11434/v1</c>; empty for OpenAI itself.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>The environment variable holding the API key.</summary>
    public string ApiKeyEnv { get; init; } = "OPENAI_API_KEY";

    /// <summary>Sampling temperature (default 0).</summary>
    public double Temperature { get; init; }

    /// <summary>The maximum output tokens.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>The HTTP endpoint URL.</summary>
    public string? Url { get; init; }

    /// <summary>An environment variable that, when set, overrides <see cref="Url"/> (e.g. the port of a service started by the build).</summary>
    public string? UrlEnv { get; init; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; init; } = "POST";

    /// <summary>HTTP headers; values are templated.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The request body template, e.g. <c>{"question": {{ question | json }}}</c>.</summary>
    public string? Body { get; init; }

    /// <summary>JSON path to the answer text.</summary>
    public string OutputPath { get; init; } = "$";

    /// <summary>JSON path to the retrieved document ids, e.g. <c>$.retrieved[*].id</c>.</summary>
    public string? RetrievedIdsPath { get; init; }

    /// <summary>JSON path to the retrieved document texts.</summary>
    public string? RetrievedTextPath { get; init; }

    /// <summary>JSON path to the prompt token count.</summary>
    public string? PromptTokensPath { get; init; }

    /// <summary>JSON path to the completion token count.</summary>
    public string? CompletionTokensPath { get; init; }

    /// <summary>JSON path to the model name.</summary>
    public string? ModelPath { get; init; }

    /// <summary>A system prompt template (OpenAI kind).</summary>
    public string? System { get; init; }

    /// <summary>A user prompt template (OpenAI kind).</summary>
    public string? User { get; init; }

    /// <summary>A prompt file, <c>prompts/&lt;name&gt;/&lt;version&gt;.yaml</c>, resolved against the suite directory.</summary>
    public string? PromptFile { get; init; }

    /// <summary>The per-request timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where the provider is defined.</summary>
    public SourceLocation? Location { get; init; }
}
