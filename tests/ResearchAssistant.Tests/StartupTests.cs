using System.Net.Http.Json;
using System.Text.Json;
using Tollgate.TestSupport;

namespace ResearchAssistant.Tests;

public sealed class StartupTests
{
    [Fact]
    public void An_unknown_PROMPT_VERSION_stops_the_start_and_lists_the_versions_that_exist()
    {
        var act = () => ResearchAssistantApp.Create([], new Dictionary<string, string?> { ["PROMPT_VERSION"] = "v9", ["LLM_MODEL"] = "", ["LLM_BASE_URL"] = "", ["LLM_API_KEY"] = "" });

        act.Should().Throw<ResearchAssistantException>().WithMessage("*'v9' not found*Set PROMPT_VERSION to one of: v1, v2*");
    }

    [Fact]
    public void A_missing_documents_directory_stops_the_start_and_names_the_setting()
    {
        using var directory = new TempDirectory("tollgate-ra-startup");
        var missing = directory["no-such-documents"];

        var act = () => ResearchAssistantApp.Create([], new Dictionary<string, string?> { ["DOCUMENTS_DIR"] = missing, ["LLM_MODEL"] = "", ["LLM_BASE_URL"] = "", ["LLM_API_KEY"] = "" });

        act.Should().Throw<ResearchAssistantException>().WithMessage($"*'{missing}' does not exist*DOCUMENTS_DIR*");
    }

    [Fact]
    public async Task TOP_K_sets_how_many_passages_are_retrieved()
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?> { ["TOP_K"] = "3" });

        var body = await (await app.Client.PostAsJsonAsync("/query", new { question = "How do I export my workspace?" })).Content.ReadFromJsonAsync<JsonElement>();

        body.GetProperty("retrieved").GetArrayLength().Should().Be(3);
    }
}
