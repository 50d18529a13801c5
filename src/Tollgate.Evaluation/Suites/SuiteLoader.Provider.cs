using YamlDotNet.RepresentationModel;

namespace Tollgate.Evaluation;

public static partial class SuiteLoader
{
    private static readonly string[] ProviderKeys =
    [
        "id", "type", "model", "base_url", "api_key_env", "temperature", "max_tokens", "url", "url_env", "method",
        "headers", "body", "response", "system", "user", "prompt", "timeout_seconds",
    ];

    private static readonly string[] ResponseKeys =
        ["output", "retrieved_ids", "retrieved_text", "prompt_tokens", "completion_tokens", "model"];

    private static readonly string[] ProviderTypes = ["http", "openai", "delegate"];

    private static readonly string[] HttpMethods = ["GET", "POST", "PUT", "PATCH"];

    private static ProviderSpec ReadProvider(YamlReader reader, YamlNode node, string field)
    {
        var map = reader.Mapping(node, field, ProviderKeys);
        var type = reader.RequiredString(map, "type", field);
        if (!ProviderTypes.Contains(type))
        {
            var suggestion = NameSuggestions.Closest(type, ProviderTypes);
            throw reader.Error(YamlReader.Get(map, "type")!, $"{field}.type", $"unknown provider type '{type}'"
                + (suggestion is null ? $"; use one of {string.Join(", ", ProviderTypes)}" : $"; did you mean '{suggestion}'?"));
        }

        var kind = type switch { "http" => ProviderKind.Http, "openai" => ProviderKind.OpenAI, _ => ProviderKind.Delegate };
        var spec = new ProviderSpec(reader.String(map, "id", field) ?? type, kind)
        {
            Model = reader.String(map, "model", field),
            BaseUrl = reader.String(map, "base_url", field),
            ApiKeyEnv = reader.String(map, "api_key_env", field) ?? "OPENAI_API_KEY",
            Temperature = reader.Double(map, "temperature", field) ?? 0,
            MaxTokens = reader.Int(map, "max_tokens", field),
            Url = reader.String(map, "url", field),
            UrlEnv = reader.String(map, "url_env", field),
            Method = (reader.String(map, "method", field) ?? "POST").ToUpperInvariant(),
            Headers = reader.StringMap(map, "headers", field),
            Body = BodyText(reader, map, field),
            System = reader.String(map, "system", field),
            User = reader.String(map, "user", field),
            PromptFile = reader.String(map, "prompt", field),
            Timeout = TimeSpan.FromSeconds(reader.Double(map, "timeout_seconds", field) ?? 60),
            Location = reader.At(map),
        };
        spec = ReadResponseMapping(reader, map, field, spec);
        spec = ResolvePromptFile(spec, reader, YamlReader.Get(map, "prompt"), YamlReader.Get(map, "temperature") is not null, YamlReader.Get(map, "max_tokens") is not null);
        CheckProvider(reader, map, field, spec);
        return spec;
    }

    private static string? BodyText(YamlReader reader, YamlMappingNode map, string field)
    {
        // A body written as a YAML mapping is sent as JSON; a string is a template sent as is.
        var node = YamlReader.Get(map, "body");
        return node switch
        {
            null => null,
            YamlScalarNode s => s.Value,
            _ => YamlReader.ToJson(node)?.ToJsonString() ?? throw reader.Error(node, $"{field}.body", "the body is empty"),
        };
    }

    private static ProviderSpec ReadResponseMapping(YamlReader reader, YamlMappingNode map, string field, ProviderSpec spec)
    {
        var node = YamlReader.Get(map, "response");
        if (node is null)
        {
            return spec;
        }

        var response = reader.Mapping(node, $"{field}.response", ResponseKeys);
        string? Path(string key)
        {
            var text = reader.String(response, key, $"{field}.response");
            if (text is not null && !JsonPath.TryParse(text, out _, out var error))
            {
                throw reader.Error(YamlReader.Get(response, key)!, $"{field}.response.{key}", error!);
            }

            return text;
        }

        return spec with
        {
            OutputPath = Path("output") ?? "$",
            RetrievedIdsPath = Path("retrieved_ids"),
            RetrievedTextPath = Path("retrieved_text"),
            PromptTokensPath = Path("prompt_tokens"),
            CompletionTokensPath = Path("completion_tokens"),
            ModelPath = Path("model"),
        };
    }

    private static void CheckProvider(YamlReader reader, YamlMappingNode map, string field, ProviderSpec spec)
    {
        if (spec.Temperature is < 0 or > 2)
        {
            throw reader.Error(YamlReader.Get(map, "temperature")!, $"{field}.temperature", $"temperature {spec.Temperature} is outside 0–2");
        }

        if (spec.MaxTokens is <= 0)
        {
            throw reader.Error(YamlReader.Get(map, "max_tokens")!, $"{field}.max_tokens", "max_tokens must be positive");
        }

        if (spec.Timeout <= TimeSpan.Zero)
        {
            throw reader.Error(YamlReader.Get(map, "timeout_seconds")!, $"{field}.timeout_seconds", "timeout_seconds must be positive");
        }

        foreach (var key in new[] { "url", "base_url" })
        {
            var value = reader.String(map, key, field);
            if (value is not null
                && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            {
                throw reader.Error(YamlReader.Get(map, key)!, $"{field}.{key}", $"'{value}' is not an absolute http(s) URL");
            }
        }

        switch (spec.Kind)
        {
            case ProviderKind.Http when spec.Url is null && spec.UrlEnv is null:
                throw reader.Error(map, $"{field}.url", "an http provider needs 'url' or 'url_env'");
            case ProviderKind.Http when !HttpMethods.Contains(spec.Method):
                var suggestion = NameSuggestions.Closest(spec.Method, HttpMethods);
                throw reader.Error(YamlReader.Get(map, "method")!, $"{field}.method", $"unknown method '{spec.Method}'"
                    + (suggestion is null ? $"; use one of {string.Join(", ", HttpMethods)}" : $"; did you mean '{suggestion}'?"));
            case ProviderKind.OpenAI when string.IsNullOrWhiteSpace(spec.Model):
                throw reader.Error(map, $"{field}.model", "an openai provider needs 'model' (e.g. gpt-4o-mini)");
            case ProviderKind.OpenAI when spec.User is null && spec.PromptFile is null:
                throw reader.Error(map, $"{field}.user", "an openai provider needs a 'user' prompt template or a 'prompt' file");
            default:
                break;
        }
    }

    private static ProviderSpec ReadJudge(YamlReader reader, YamlNode node, out string? embeddingModel)
    {
        const string field = "judge";
        var map = reader.Mapping(node, field, ["model", "base_url", "api_key_env", "temperature", "max_tokens", "embedding_model", "timeout_seconds"]);
        embeddingModel = reader.String(map, "embedding_model", field);
        var spec = new ProviderSpec("judge", ProviderKind.OpenAI)
        {
            Model = reader.String(map, "model", field),
            BaseUrl = reader.String(map, "base_url", field),
            ApiKeyEnv = reader.String(map, "api_key_env", field) ?? "OPENAI_API_KEY",
            Temperature = reader.Double(map, "temperature", field) ?? 0,
            MaxTokens = reader.Int(map, "max_tokens", field),
            Timeout = TimeSpan.FromSeconds(reader.Double(map, "timeout_seconds", field) ?? 60),
            Location = reader.At(map),
        };
        if (spec.Model is null && embeddingModel is null)
        {
            throw reader.Error(map, "judge.model", "a judge needs 'model' and/or 'embedding_model'");
        }

        return spec;
    }
}
