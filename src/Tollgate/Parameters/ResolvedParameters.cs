using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

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

    /// <summary>
    /// The value of a parameter that a source set, as <typeparamref name="T"/>; <c>default</c> when no source set it (the
    /// caller's own default applies). Reads a stored <c>double</c> as <c>double?</c>, widens numbers (an <c>int</c> as
    /// <c>long</c> or <c>double</c>), and reads arrays as <c>IReadOnlyList&lt;T&gt;</c> or <c>List&lt;T&gt;</c>.
    /// </summary>
    /// <exception cref="TollgateException">The stored value cannot be read as <typeparamref name="T"/>.</exception>
    public T? Get<T>(string name)
    {
        var value = GetValue(name);
        if (value is null)
        {
            return default;
        }

        if (value is T typed)
        {
            return typed;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        try
        {
            if (target == typeof(string))
            {
                return (T)(object)ParameterValueConverter.Format(value);
            }

            if (target.IsEnum && value is string text)
            {
                return (T)Enum.Parse(target, text, ignoreCase: true);
            }

            if (value is IConvertible && (target.IsPrimitive || target == typeof(decimal) || target.IsEnum))
            {
                return (T)(target.IsEnum ? Enum.ToObject(target, value) : System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture));
            }

            if (ParameterValueConverter.GetElementType(target) is { } elementType && value is System.Collections.IEnumerable sequence and not string)
            {
                var items = sequence.Cast<object?>().ToArray();
                var array = Array.CreateInstance(elementType, items.Length);
                Array.Copy(items, array, items.Length);
                return (T)(target.IsAssignableFrom(array.GetType()) ? array : Activator.CreateInstance(target, array)!);
            }
        }
        catch (Exception exception) when (exception is InvalidCastException or FormatException or OverflowException or ArgumentException)
        {
            // The inner message can quote the value, which may be a secret: name the types only.
            throw new TollgateException(
                $"Parameter '{name}' holds a {value.GetType().Name}, which cannot be read as {typeof(T).Name} ({exception.GetType().Name}). Declare the parameter with the type its readers use.");
        }

        throw new TollgateException(
            $"Parameter '{name}' holds a {value.GetType().Name}, which cannot be read as {typeof(T).Name}. Declare the parameter with the type its readers use.");
    }

    /// <summary>
    /// A SHA-256 fingerprint (lower-case hex) of every parameter's effective value, for incremental runs and
    /// <c>--continue</c>: the same values give the same fingerprint in every run; a changed value changes it.
    /// Secret values are hashed on their own first, so the input never holds a secret in clear.
    /// </summary>
    public string ComputeFingerprint() => Hash(FingerprintInput());

    /// <summary>The text <see cref="ComputeFingerprint"/> hashes: one <c>NAME=length:value</c> line per parameter with a value.</summary>
    internal string FingerprintInput()
    {
        var text = new StringBuilder();
        foreach (var parameter in ByName.Values.OrderBy(p => p.Descriptor.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Descriptor.Name, StringComparer.Ordinal))
        {
            if (parameter.Value is null)
            {
                continue;
            }

            var value = ParameterValueConverter.Format(parameter.Value);
            if (parameter.Descriptor.IsSecret)
            {
                value = "sha256:" + Hash(value);
            }

            text.Append(parameter.Descriptor.Name.ToUpperInvariant()).Append('=').Append(value.Length).Append(':').Append(value).Append('\n');
        }

        return text.ToString();
    }

    private static string Hash(string text) => System.Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
