using System.Reflection;
using ResearchAssistant.Answering;
using ResearchAssistant.Configuration;
using ResearchAssistant.Documents;
using ResearchAssistant.Endpoints;
using ResearchAssistant.Llm;
using ResearchAssistant.Metrics;
using ResearchAssistant.Prompts;
using ResearchAssistant.Retrieval;

namespace ResearchAssistant;

/// <summary>
/// Builds the service. Program.cs and the tests both call <see cref="Create"/>, so tests run the real application on a
/// real Kestrel port. Documents, index and prompt are loaded here, so a configuration error stops the start.
/// </summary>
public static partial class ResearchAssistantApp
{
    /// <param name="args">Command-line arguments (--urls, --LLM_MODEL=...).</param>
    /// <param name="overrides">Configuration values that take precedence over every other source (used by tests).</param>
    /// <param name="configureLogging">Adds logging providers before the app is built (tests capture the log).</param>
    public static WebApplication Create(
        string[] args,
        IReadOnlyDictionary<string, string?>? overrides = null,
        Action<ILoggingBuilder>? configureLogging = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        configureLogging?.Invoke(builder.Logging);

        var settings = AssistantSettings.FromConfiguration(builder.Configuration, AppContext.BaseDirectory, AssemblyVersion());
        var documents = DocumentStore.Load(settings.DocumentsDirectory);
        var tokenizer = new Tokenizer();
        var index = new Bm25Index(documents, tokenizer);
        var prompt = new PromptLibrary(settings.PromptsDirectory).Load(AssistantSettings.PromptName, settings.PromptVersion);

        var kernel = KernelFactory.Create(settings, new ExtractiveAnswerer(index, tokenizer));
        var answerer = new KernelAnswerer(kernel, prompt, settings.ModelLabel);

        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(documents);
        builder.Services.AddSingleton(index);
        builder.Services.AddSingleton(prompt);
        builder.Services.AddSingleton(answerer);
        builder.Services.AddSingleton(PricingConfiguration.Read(builder.Configuration.GetSection("Pricing")));
        builder.Services.AddSingleton<ServiceMetrics>();
        builder.Services.AddSingleton<PrometheusExporter>();
        builder.Services.AddSingleton<ResearchService>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestMetricsMiddleware>();
        QueryEndpoint.Map(app);
        HealthEndpoint.Map(app);
        MetricsEndpoint.Map(app);

        LogReady(app.Logger, settings.ServiceVersion, settings.ModelLabel, settings.LlmBaseUrl?.Host ?? (settings.IsOffline ? "none" : "OpenAI default"), settings.PromptVersion, documents.Documents.Count, settings.TopK);
        return app;
    }

    private static string AssemblyVersion() =>
        typeof(ResearchAssistantApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ResearchAssistantApp).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    [LoggerMessage(Level = LogLevel.Information, Message = "ResearchAssistant {Version}: model {Model} (LLM host {Host}), prompt answer/{PromptVersion}, {Documents} documents, top-k {TopK}")]
    private static partial void LogReady(ILogger logger, string version, string model, string host, string promptVersion, int documents, int topK);
}
