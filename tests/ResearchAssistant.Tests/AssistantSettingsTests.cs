using Microsoft.Extensions.Configuration;
using ResearchAssistant.Configuration;

namespace ResearchAssistant.Tests;

public sealed class AssistantSettingsTests
{
    [Fact]
    public void Without_LLM_settings_the_service_is_offline_with_the_documented_defaults()
    {
        var settings = Read(new());

        settings.IsOffline.Should().BeTrue();
        settings.ModelLabel.Should().Be("offline-extractive");
        settings.PromptVersion.Should().Be("v1");
        settings.TopK.Should().Be(5);
        settings.DocumentsDirectory.Should().Be(Path.Combine("/app", "data", "documents"));
        settings.ServiceVersion.Should().Be("1.2.3");
    }

    [Fact]
    public void LLM_settings_prompt_version_top_k_and_app_version_are_read()
    {
        var settings = Read(new()
        {
            ["LLM_BASE_URL"] = "http://127.0.0.1:11434/v1",
            ["LLM_MODEL"] = "llama3.1",
            ["PROMPT_VERSION"] = "v2",
            ["TOP_K"] = "8",
            ["APP_VERSION"] = "2026.11.21",
        });

        settings.IsOffline.Should().BeFalse();
        settings.LlmBaseUrl.Should().Be(new Uri("http://127.0.0.1:11434/v1"));
        settings.LlmApiKey.Should().BeNull();
        settings.ModelLabel.Should().Be("llama3.1");
        settings.PromptVersion.Should().Be("v2");
        settings.TopK.Should().Be(8);
        settings.ServiceVersion.Should().Be("2026.11.21");
    }

    [Theory]
    [InlineData("LLM_API_KEY", "sk-x", "Set LLM_MODEL")]
    [InlineData("LLM_MODEL", "gpt-4o-mini", "neither LLM_API_KEY nor LLM_BASE_URL")]
    [InlineData("TOP_K", "0", "TOP_K '0'")]
    [InlineData("TOP_K", "five", "TOP_K 'five'")]
    [InlineData("LLM_BASE_URL", "not a url", "LLM_BASE_URL 'not a url'")]
    public void Invalid_settings_are_rejected_with_a_message_naming_the_setting(string key, string value, string expected)
    {
        var values = new Dictionary<string, string?> { [key] = value };
        if (key == "LLM_BASE_URL")
        {
            values["LLM_MODEL"] = "m";
        }

        var act = () => Read(values);

        act.Should().Throw<ResearchAssistantException>().WithMessage($"*{expected}*");
    }

    [Fact]
    public void The_api_key_is_masked_when_settings_are_printed()
    {
        var settings = Read(new() { ["LLM_API_KEY"] = "sk-very-secret", ["LLM_MODEL"] = "gpt-4o-mini" });

        settings.LlmApiKey.Should().Be("sk-very-secret");
        settings.ToString().Should().NotContain("sk-very-secret").And.Contain("LlmApiKey = ***");
    }

    private static AssistantSettings Read(Dictionary<string, string?> values) =>
        AssistantSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), "/app", "1.2.3");
}
