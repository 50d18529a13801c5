using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Tollgate.Evaluation;

/// <summary>
/// Asks the judge model for a JSON verdict. The reply is parsed strictly (one JSON object with the required fields);
/// a malformed reply gets one repair request that quotes the parse error, and a second malformed reply is an error.
/// </summary>
internal sealed class Judge(IChatClient chat, string model)
{
    private TokenUsage _usage = TokenUsage.None;

    /// <summary>Tokens used by this judge's calls so far (from the provider's usage fields, or the cached ones).</summary>
    public TokenUsage Usage => _usage;

    public async Task<JsonElement> AskAsync(string system, string user, string shape, IReadOnlyList<string> requiredFields, AssertionContext context, CancellationToken cancellationToken)
    {
        var options = new ChatOptions
        {
            ModelId = model,
            Temperature = 0,
            ResponseFormat = ChatResponseFormat.Json,
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [CachingChatClient.LabelProperty] = $"{context.Case.Id} (judge)",
                [CachingChatClient.CacheKeyProperty] = context.Attempt > 1 ? $"attempt {context.Attempt}" : null,
            },
        };
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, $"{system}\nReply with only a JSON object of the form {shape}. No prose, no code fences."),
            new(ChatRole.User, user),
        };
        var reply = await AskOnceAsync(messages, options, cancellationToken).ConfigureAwait(false);
        if (TryParse(reply, requiredFields, out var verdict, out var error))
        {
            return verdict;
        }

        messages.Add(new ChatMessage(ChatRole.Assistant, reply));
        messages.Add(new ChatMessage(ChatRole.User, $"Your reply could not be used: {error}. Reply again with only a JSON object of the form {shape}."));
        var repaired = await AskOnceAsync(messages, options, cancellationToken).ConfigureAwait(false);
        return TryParse(repaired, requiredFields, out verdict, out var secondError)
            ? verdict
            : throw new JudgeFormatException($"the judge's reply is not valid JSON after one repair ({secondError}): {Truncate(repaired)}");
    }

    private async Task<string> AskOnceAsync(List<ChatMessage> messages, ChatOptions options, CancellationToken cancellationToken)
    {
        var response = await chat.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        _usage += UsageEstimate.Of(response, messages, options.ModelId);
        return response.Text;
    }

    private static bool TryParse(string text, IReadOnlyList<string> requiredFields, out JsonElement verdict, out string? error)
    {
        verdict = default;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = $"expected a JSON object, got {document.RootElement.ValueKind}";
                return false;
            }

            var missing = requiredFields.FirstOrDefault(f => !document.RootElement.TryGetProperty(f, out _));
            if (missing is not null)
            {
                error = $"the field '{missing}' is missing";
                return false;
            }

            verdict = document.RootElement.Clone();
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            error = e.Message;
            return false;
        }
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
