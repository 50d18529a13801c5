using System.Diagnostics;
using Microsoft.Extensions.AI;
using Tollgate.Evaluation.Prompts;

namespace Tollgate.Evaluation;

/// <summary>A prompt (system + user templates) sent to a model through <see cref="IChatClient"/>.</summary>
internal sealed class ChatTarget : ISystemUnderTest
{
    private readonly IChatClient _client;
    private readonly PromptTemplate? _system;
    private readonly PromptTemplate _user;
    private readonly ChatOptions _options;

    /// <summary>Creates a target; <paramref name="model"/> may differ from the suite's (a cheaper CI model).</summary>
    public ChatTarget(string name, IChatClient client, string model, string? system, string user, double temperature, int? maxTokens)
    {
        Name = name;
        Model = model;
        _client = client;
        _system = system is null ? null : PromptTemplate.Parse(system);
        _user = PromptTemplate.Parse(user);
        _options = new ChatOptions { ModelId = model, Temperature = (float)temperature, MaxOutputTokens = maxTokens };
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The model asked.</summary>
    public string Model { get; }

    /// <inheritdoc />
    public object DescribeRequest(EvalCase evalCase)
    {
        ArgumentNullException.ThrowIfNull(evalCase);
        return new
        {
            provider = Name,
            model = Model,
            messages = Messages(evalCase).Select(m => new { role = m.Role.Value, content = m.Text }),
            temperature = _options.Temperature,
            max_tokens = _options.MaxOutputTokens,
        };
    }

    /// <inheritdoc />
    public async Task<TargetResponse> InvokeAsync(EvalCase evalCase, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var messages = Messages(evalCase);
        var response = await _client.GetResponseAsync(messages, _options, cancellationToken).ConfigureAwait(false);
        return new TargetResponse(response.Text)
        {
            Usage = UsageEstimate.Of(response, messages, Model),
            Model = response.ModelId ?? Model,
            LatencyMs = clock.Elapsed.TotalMilliseconds,
        };
    }

    private List<ChatMessage> Messages(EvalCase evalCase)
    {
        var messages = new List<ChatMessage>(2);
        if (_system is not null)
        {
            messages.Add(new ChatMessage(ChatRole.System, _system.Render(evalCase.Vars)));
        }

        messages.Add(new ChatMessage(ChatRole.User, _user.Render(evalCase.Vars)));
        return messages;
    }
}
