using System.Net;
using System.Security;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tollgate.Components.Tests.LlmEval;

/// <summary>
/// Secrets with characters every encoder escapes (<c>+ &lt; &amp; "</c>, non-ASCII) given as the judge's key, as the
/// service's key in the environment and as the [Secret] model key parameter, with a provider that echoes the key it
/// receives: no secret appears, raw or escaped, on the console, in the step summary or in any file the run writes.
/// </summary>
public sealed class LlmEvalSecretLeakTests : IDisposable
{
    private const string JudgeVariable = "TOLLGATE_TEST_LEAK_JUDGE_KEY";
    private const string JudgeKey = "sk-judge+<&\"é✓-71c2";
    private const string ServiceKey = "sk-svc+<&\"Ωß-4e8a";
    private const string ModelKey = "sk-model+<&\"ü€-9b3f";

    private readonly TempDirectory _root = new();

    public LlmEvalSecretLeakTests() => RealServiceBuild.Prepare(_root);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(JudgeVariable, null);
        Environment.SetEnvironmentVariable("LLM_API_KEY", null);
        _root.Dispose();
    }

    [Fact]
    public async Task A_judge_key_a_service_key_and_a_secret_parameter_appear_nowhere_raw_or_escaped()
    {
        await using var provider = await FakeModelProvider.StartAsync(echoKey: true);
        var suite = Path.Combine(_root.Path, "evals", "research-assistant.yaml");
        File.WriteAllText(suite, File.ReadAllText(suite).Replace("  api_key_env: OPENAI_API_KEY", $"  api_key_env: {JudgeVariable}\n  base_url: {provider.BaseUrl}", StringComparison.Ordinal));
        Environment.SetEnvironmentVariable(JudgeVariable, JudgeKey);
        Environment.SetEnvironmentVariable("LLM_API_KEY", ServiceKey);

        var (_, output, summary) = await LlmEvalBuild.RunOnGitHubAsync(new RealServiceBuild(_root.Path), _root.Path,
            "LlmEval", "--eval-cases", "api-rate-limit-team,pricing-team-seat", "--eval-service-model", "fake-model",
            "--eval-model-base-url", provider.BaseUrl.ToString(), "--eval-model-api-key", ModelKey);

        output.Should().Contain("cases passed", "the run got as far as its reports");
        var written = new[] { "artifacts", ".nuke", Path.Combine("evals", ".cache") }
            .Select(folder => Path.Combine(_root.Path, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            .ToList();
        written.Should().Contain(f => f.EndsWith("report.html", StringComparison.Ordinal));
        foreach (var secret in new[] { JudgeKey, ServiceKey, ModelKey })
        {
            foreach (var form in Forms(secret))
            {
                output.Split('\n').Where(line => line.Contains(form, StringComparison.Ordinal) && !line.StartsWith("::add-mask::", StringComparison.Ordinal))
                    .Should().BeEmpty("only GitHub's mask command may name {0}", form);
                summary.Should().NotContain(form);
                foreach (var file in written)
                {
                    File.ReadAllText(file).Should().NotContain(form, "{0} must not hold the secret", file);
                }
            }
        }
    }

    private static HashSet<string> Forms(string secret) =>
        new HashSet<string>(StringComparer.Ordinal)
        {
            secret,
            JsonEncodedText.Encode(secret).ToString(),
            JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(),
            HtmlEncoder.Default.Encode(secret),
            WebUtility.HtmlEncode(secret),
            SecurityElement.Escape(secret),
            Uri.EscapeDataString(secret),
        };
}
