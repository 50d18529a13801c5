namespace Tollgate;

/// <summary>A parameter's value as text, before conversion, and where it came from.</summary>
/// <param name="Values">
/// The texts: one per command-line argument after the flag (none for a bare flag such as <c>--no-cache</c>), the
/// environment variable's value, or the JSON value (one per element of a JSON array).
/// </param>
/// <param name="Origin">Where it came from, for messages: <c>--max-parallel</c>, <c>environment variable MAX_PARALLEL</c>, <c>.nuke/parameters.json line 3</c>.</param>
/// <param name="IsSingleString">
/// Whether an array parameter's elements arrive packed in one string (the environment): then a value without
/// <see cref="ParameterAttribute.Separator"/> is split on commas and whitespace.
/// </param>
internal sealed record RawParameterValue(IReadOnlyList<string> Values, string Origin, bool IsSingleString = false)
{
    /// <summary>Whether the flag was given without a value (only the command line does that).</summary>
    public bool IsBareFlag => Values.Count == 0;
}
