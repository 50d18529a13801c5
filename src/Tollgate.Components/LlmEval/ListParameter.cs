namespace Tollgate.Components.LlmEval;

/// <summary>Splits list parameters on commas as well as spaces, so <c>--eval-cases a,b</c> means two cases.</summary>
internal static class ListParameter
{
    /// <summary>The items of <paramref name="values"/>, split on commas, trimmed, without empty items.</summary>
    public static IReadOnlyList<string> Split(IEnumerable<string>? values) =>
        values is null ? [] : [.. values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
}
