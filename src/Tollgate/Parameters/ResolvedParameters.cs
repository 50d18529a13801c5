using System.Collections.Immutable;

namespace Tollgate;

/// <summary>Every parameter of a build with its resolved value.</summary>
public sealed record ResolvedParameters
{
    /// <summary>Creates the set from resolved parameters keyed by name (case-insensitive).</summary>
    public ResolvedParameters(IEnumerable<ResolvedParameter> parameters)
    {
        ByName = parameters.ToImmutableDictionary(p => p.Descriptor.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>An empty set.</summary>
    public static ResolvedParameters Empty { get; } = new([]);

    /// <summary>The parameters by name.</summary>
    public ImmutableDictionary<string, ResolvedParameter> ByName { get; }

    /// <summary>The resolved value of a parameter (null when unset or unknown).</summary>
    public object? GetValue(string name) => ByName.TryGetValue(name, out var parameter) && parameter.HasValue ? parameter.Value : null;

    /// <summary>Whether a source set the parameter.</summary>
    public bool HasValue(string name) => ByName.TryGetValue(name, out var parameter) && parameter.HasValue;

    /// <summary>The values of secret parameters that are set, for masking.</summary>
    public IEnumerable<string> SecretValues => ByName.Values
        .Where(p => p.Descriptor.IsSecret && p.HasValue)
        .SelectMany(p => p.Value is not string && p.Value is System.Collections.IEnumerable enumerable
            ? enumerable.Cast<object?>().Select(v => v?.ToString())
            : [p.Value?.ToString()])
        .OfType<string>();
}
