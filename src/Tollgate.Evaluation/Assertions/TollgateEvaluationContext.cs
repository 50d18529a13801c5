using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Tollgate.Evaluation;

/// <summary>
/// What Tollgate knows about a case beyond the question and the answer, handed to every <see cref="IEvaluator"/> run as
/// an assertion: the case's variables (with expected, reference and input) and the passages the system retrieved. An
/// evaluator finds it with <c>additionalContext.OfType&lt;TollgateEvaluationContext&gt;()</c>; its
/// <see cref="EvaluationContext.Contents"/> carry the same as text for evaluators that only read contents.
/// </summary>
internal sealed class TollgateEvaluationContext : EvaluationContext
{
    /// <summary>Creates the context.</summary>
    public TollgateEvaluationContext(IReadOnlyDictionary<string, string> variables, IReadOnlyList<string> retrieved)
        : base(EvaluatorCheck.ContextName, Describe(variables, retrieved))
    {
        Variables = variables;
        Retrieved = retrieved;
    }

    /// <summary>The case's variables plus expected, reference, input and question.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>The retrieved passages' texts, in rank order (empty when the provider maps none).</summary>
    public IReadOnlyList<string> Retrieved { get; }

    /// <summary>The expected answer, or null.</summary>
    public string? Expected => Variables.TryGetValue("expected", out var value) && value.Length > 0 ? value : null;

    private static List<AIContent> Describe(IReadOnlyDictionary<string, string> variables, IReadOnlyList<string> retrieved)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(retrieved);
        var contents = new List<AIContent>();
        foreach (var (name, value) in variables.Where(pair => pair.Value.Length > 0).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            contents.Add(new TextContent($"{name}: {value}"));
        }

        contents.AddRange(retrieved.Select(text => new TextContent($"retrieved: {text}")));
        return contents;
    }
}
