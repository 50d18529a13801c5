namespace Tollgate.Components.LlmEval;

/// <summary>
/// What the LlmEval stage needs to know about the project it evaluates: where the suite is, how to start the HTTP
/// system under test, how to tell it is ready, which environment variables point it at a model, and which files it is
/// made of. The build passes these (override <see cref="ILlmEval.LlmEvalService"/>); nothing here names a service.
/// </summary>
public sealed record LlmEvalServiceSettings
{
    /// <summary>The suite file, relative to the root, when <c>--eval-suite</c> is not given.</summary>
    public string SuitePath { get; init; } = "evals/suite.yaml";

    /// <summary>Starts the service listening on the given port on 127.0.0.1; <see langword="null"/> when the build does not start one.</summary>
    public Func<int, CommandSpec>? Command { get; init; }

    /// <summary>The port to start the service on; <see langword="null"/> for a free one.</summary>
    public int? Port { get; init; }

    /// <summary>
    /// A path answered with 2xx once the service is ready (e.g. <c>/health</c>); <see langword="null"/>: ready as soon
    /// as it answers HTTP at all.
    /// </summary>
    public string? ReadinessPath { get; init; }

    /// <summary>How long the service may take to become ready.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>The variable that gives the service its OpenAI-compatible base URL (the model proxy's).</summary>
    public string BaseUrlVariable { get; init; } = "LLM_BASE_URL";

    /// <summary>The variable that gives the service its model key (a placeholder: the proxy holds the real key).</summary>
    public string ApiKeyVariable { get; init; } = "LLM_API_KEY";

    /// <summary>The variable that names the service's model; left empty to run the service offline.</summary>
    public string ModelVariable { get; init; } = "LLM_MODEL";

    /// <summary>
    /// Globs (relative to the root) of the files the service is made of: code, documents, prompts. Their fingerprint is
    /// part of the run's identity (an interrupted run resumes only against the same service) and of the key of cached
    /// HTTP responses when <c>--eval-http-response-cache</c> is on.
    /// </summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];
}
