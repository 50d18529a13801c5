namespace Tollgate.Evaluation.Tests;

/// <summary>Builds small suites and options for tests.</summary>
public static class TestSuites
{
    public static EvalRunOptions OfflineOptions(string apiKey = "test-key") =>
        EvalRunOptions.Default
            .WithRetry(new RetryPolicy(3, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(5)))
            .WithEnvironment(name => name == "OPENAI_API_KEY" ? apiKey : null);

    public static ProviderSpec Chat(Uri baseUrl, string model = "gpt-4o-mini") => new("assistant", ProviderKind.OpenAI)
    {
        Model = model,
        BaseUrl = baseUrl.ToString(),
        System = "You answer questions about the product.",
        User = "{{ question }}",
        Timeout = TimeSpan.FromSeconds(10),
    };

    public static ProviderSpec Judge(Uri baseUrl) => new("judge", ProviderKind.OpenAI) { Model = "gpt-4o-mini", BaseUrl = baseUrl.ToString() };

    public static EvalCase Case(string id, string question, params string[] keywords) =>
        new(id) { Vars = new Dictionary<string, string> { ["question"] = question }, ExpectedKeywords = keywords };
}
