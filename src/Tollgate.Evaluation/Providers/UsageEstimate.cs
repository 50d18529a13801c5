using Microsoft.Extensions.AI;
using Tollgate.Evaluation.Prompts;

namespace Tollgate.Evaluation;

/// <summary>
/// The tokens of a chat call: the provider's usage fields when it sent them, otherwise counted with the model's
/// tokenizer (<see cref="TokenCounter"/>) from the messages sent and the text received, marked as estimated.
/// </summary>
internal static class UsageEstimate
{
    // Chat formats add a few tokens per message (role and separators); OpenAI documents 3 per message plus 3 for the reply.
    private const int TokensPerMessage = 3;
    private const int TokensPerReply = 3;

    public static TokenUsage Of(ChatResponse response, IEnumerable<ChatMessage> messages, string? model)
    {
        if (response.Usage is { } usage && (usage.InputTokenCount is not null || usage.OutputTokenCount is not null))
        {
            return new TokenUsage(usage.InputTokenCount ?? 0, usage.OutputTokenCount ?? 0);
        }

        var counted = response.ModelId ?? model;
        var input = messages.Sum(m => TokensPerMessage + TokenCounter.Count(m.Text, counted)) + TokensPerReply;
        return new TokenUsage(input, TokenCounter.Count(response.Text, counted)) { Estimated = true };
    }
}
