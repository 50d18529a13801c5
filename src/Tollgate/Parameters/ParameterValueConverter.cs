using System.Collections;
using System.Globalization;

namespace Tollgate;

/// <summary>
/// Converts parameter text into typed values: string; bool (a bare flag is <c>true</c>; true/false, 1/0, yes/no, on/off);
/// int, long, float, double, decimal (invariant culture, '.' as decimal point); enums (names ignoring case, dashes and
/// underscores); <see cref="TimeSpan"/> (<c>00:05:00</c>, <c>250ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>1d</c>);
/// absolute <see cref="Uri"/>s; <see cref="AbsolutePath"/> (relative values resolved against the root directory); and
/// arrays, <c>IReadOnlyList&lt;T&gt;</c>, <c>List&lt;T&gt;</c> (and the other list interfaces) of those.
/// </summary>
/// <remarks>Errors name the parameter, the source, the value (<c>***</c> for secrets), the expected type and an example.</remarks>
internal static class ParameterValueConverter
{
    /// <summary>The supported element types, for messages.</summary>
    public const string SupportedTypesText = "string, bool, int, long, float, double, decimal, an enum, TimeSpan, Uri, AbsolutePath";

    private static readonly char[] DefaultSeparators = [',', ';', ' ', '\t', '\r', '\n'];

    /// <summary>Whether a member of this type can be a parameter.</summary>
    public static bool IsSupported(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var valueType = Nullable.GetUnderlyingType(type) ?? type;
        var elementType = GetElementType(valueType);
        return IsSupportedScalar(Nullable.GetUnderlyingType(elementType ?? valueType) ?? elementType ?? valueType);
    }

    /// <summary>The element type of a supported collection type (<c>T[]</c>, <c>IReadOnlyList&lt;T&gt;</c>, <c>List&lt;T&gt;</c>, ...), or null for a scalar.</summary>
    public static Type? GetElementType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)
            || definition == typeof(IEnumerable<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    /// <summary>Converts <paramref name="raw"/> to a value of <paramref name="descriptor"/>'s <see cref="ParameterDescriptor.ValueType"/>.</summary>
    /// <exception cref="TollgateException">The text is not a valid value; the message names parameter, source, value, type and an example.</exception>
    public static object Convert(ParameterDescriptor descriptor, RawParameterValue raw, AbsolutePath rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(raw);
        var elementType = GetElementType(descriptor.ValueType);
        if (elementType is null)
        {
            return ConvertSingle(descriptor, raw, rootDirectory);
        }

        var texts = Split(descriptor, raw);
        var scalarType = Nullable.GetUnderlyingType(elementType) ?? elementType;
        var array = Array.CreateInstance(elementType, texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            array.SetValue(ConvertScalar(descriptor, scalarType, texts[i], raw.Origin, rootDirectory), i);
        }

        return descriptor.ValueType.IsArray || !descriptor.ValueType.IsGenericType
            || descriptor.ValueType.GetGenericTypeDefinition() != typeof(List<>)
            ? array
            : Activator.CreateInstance(descriptor.ValueType, array)!;
    }

    /// <summary>Formats a value as invariant text: arrays as comma-separated elements, durations as <c>c</c>, paths in full.</summary>
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable sequence => string.Join(",", sequence.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? string.Empty,
    };

    private static object ConvertSingle(ParameterDescriptor descriptor, RawParameterValue raw, AbsolutePath rootDirectory)
    {
        if (raw.IsBareFlag)
        {
            return descriptor.ValueType == typeof(bool)
                ? true
                : throw new TollgateException(
                    $"Parameter '{descriptor.Name}' ({raw.Origin}) needs a value: expected {Expected(descriptor.ValueType)}, e.g. {descriptor.CommandLineName} {Example(descriptor.ValueType)}.");
        }

        if (raw.Values.Count > 1)
        {
            throw new TollgateException(
                $"Parameter '{descriptor.Name}' ({raw.Origin}) takes one value but got {raw.Values.Count}: {string.Join(" ", raw.Values.Select(v => Show(descriptor, v)))}. " +
                $"Expected {Expected(descriptor.ValueType)}, e.g. {Example(descriptor.ValueType)}.");
        }

        return ConvertScalar(descriptor, descriptor.ValueType, raw.Values[0], raw.Origin, rootDirectory);
    }

    private static List<string> Split(ParameterDescriptor descriptor, RawParameterValue raw)
    {
        var separators = descriptor.Separator != '\0' ? [descriptor.Separator] : raw.IsSingleString ? DefaultSeparators : null;
        return separators is null
            ? [.. raw.Values]
            : [.. raw.Values.SelectMany(v => v.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
    }

    private static object ConvertScalar(ParameterDescriptor descriptor, Type type, string text, string origin, AbsolutePath rootDirectory)
    {
        var value = TryConvertScalar(type, text.Trim(), rootDirectory);
        if (value is not null)
        {
            return type == typeof(string) ? text : value;
        }

        throw new TollgateException(
            $"Parameter '{descriptor.Name}' ({origin}) has the value '{Show(descriptor, text)}', which is not {Expected(type)}. " +
            $"Example: {Example(type)}.");
    }

    private static object? TryConvertScalar(Type type, string text, AbsolutePath rootDirectory)
    {
        var invariant = CultureInfo.InvariantCulture;
        return type switch
        {
            _ when type == typeof(string) => text,
            _ when type == typeof(bool) => ParseBool(text),
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, invariant, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, invariant, out var l) ? l : null,
            _ when type == typeof(float) => float.TryParse(text, NumberStyles.Float, invariant, out var f) ? f : null,
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, invariant, out var d) ? d : null,
            _ when type == typeof(decimal) => decimal.TryParse(text, NumberStyles.Number, invariant, out var m) ? m : null,
            _ when type.IsEnum => ParseEnum(type, text),
            _ when type == typeof(TimeSpan) => DurationParser.TryParse(text, out var span) ? span : null,
            _ when type == typeof(Uri) => Uri.TryCreate(text, UriKind.Absolute, out var uri) && text.Contains(':', StringComparison.Ordinal) ? uri : null,
            _ when type == typeof(AbsolutePath) => ParsePath(text, rootDirectory),
            _ => null,
        };
    }

    private static bool IsSupportedScalar(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long) || type == typeof(float)
        || type == typeof(double) || type == typeof(decimal) || type.IsEnum || type == typeof(TimeSpan) || type == typeof(Uri)
        || type == typeof(AbsolutePath);

    private static object? ParseBool(string text) => text.ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" or "ON" => true,
        "FALSE" or "0" or "NO" or "OFF" => false,
        _ => null,
    };

    private static object? ParseEnum(Type type, string text)
    {
        var wanted = ParameterNames.ToLettersAndDigits(text);
        var name = Enum.GetNames(type).FirstOrDefault(n => ParameterNames.ToLettersAndDigits(n) == wanted);
        return name is null || wanted.Length == 0 ? null : Enum.Parse(type, name);
    }

    private static AbsolutePath? ParsePath(string text, AbsolutePath rootDirectory)
    {
        if (text.Length == 0 || text.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return null;
        }

        return Path.IsPathRooted(text) ? new AbsolutePath(text) : rootDirectory / text;
    }

    private static string Show(ParameterDescriptor descriptor, string text) => descriptor.IsSecret ? SecretMasker.Mask : text;

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(bool) => "true or false (also 1/0, yes/no, on/off)",
        _ when type == typeof(int) || type == typeof(long) => $"a whole number ({type.Name})",
        _ when type == typeof(float) || type == typeof(double) || type == typeof(decimal) => $"a number with '.' as decimal point ({type.Name})",
        _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type))} ({type.Name})",
        _ when type == typeof(TimeSpan) => "a duration like 00:05:00, 250ms, 30s, 5m, 1h or 1d",
        _ when type == typeof(Uri) => "an absolute URI with a scheme",
        _ when type == typeof(AbsolutePath) => "a file-system path (relative paths are resolved against the root directory)",
        _ => $"a {type.Name}",
    };

    private static string Example(Type type) => type switch
    {
        _ when type == typeof(bool) => "true",
        _ when type == typeof(int) || type == typeof(long) => "4",
        _ when type == typeof(float) || type == typeof(double) || type == typeof(decimal) => "0.85",
        _ when type.IsEnum => Enum.GetNames(type).FirstOrDefault() ?? "value",
        _ when type == typeof(TimeSpan) => "5m",
        _ when type == typeof(Uri) => "https://example.com/",
        _ when type == typeof(AbsolutePath) => "artifacts/output",
        _ => "text",
    };
}
