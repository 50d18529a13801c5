using System.Text;
using System.Text.RegularExpressions;

namespace Tollgate.GitHubActions.Yaml;

/// <summary>Decides how a string scalar is written so that any YAML 1.1 or 1.2 reader reads back the same string.</summary>
internal static partial class YamlQuoting
{
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

    /// <summary>Whether the string can be written plain (unquoted) in block context, or in a flow sequence.</summary>
    public static bool CanBePlain(string value, bool inFlow)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return false;
        }

        if (Indicators.Contains(value[0], StringComparison.Ordinal) && !StartsWithSafeIndicator(value, inFlow))
        {
            return false;
        }

        if (value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value.EndsWith(':'))
        {
            return false;
        }

        if (inFlow && value.AsSpan().IndexOfAny(",[]{}") >= 0)
        {
            return false;
        }

        return !value.Any(char.IsControl) && !IsReservedScalar().IsMatch(value) && !LooksNumeric().IsMatch(value);
    }

    /// <summary>Single-quoted form: only <c>'</c> needs escaping (doubled). Not for strings with control characters.</summary>
    public static string SingleQuoted(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Double-quoted form with escapes, for strings holding control characters.</summary>
    public static string DoubleQuoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(c) => builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A scalar on one line: plain, single-quoted, or double-quoted when it holds control characters.</summary>
    public static string Inline(string value, bool inFlow) =>
        CanBePlain(value, inFlow) ? value : value.Any(char.IsControl) ? DoubleQuoted(value) : SingleQuoted(value);

    // "-x" and "?x" and ":x" are plain when the indicator is not followed by a space (YAML 1.2 §7.3.3); keep it simpler
    // and safer: only a leading '-' followed by a non-space, non-indicator character outside flow context.
    private static bool StartsWithSafeIndicator(string value, bool inFlow) =>
        !inFlow && value[0] == '-' && value.Length > 1 && !char.IsWhiteSpace(value[1]) && !Indicators.Contains(value[1], StringComparison.Ordinal);

    // Words YAML 1.1 readers turn into booleans or null (GitHub's own reader is YAML 1.2, others are not).
    [GeneratedRegex("^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$")]
    private static partial Regex IsReservedScalar();

    // Integers, floats (including 1_000 and 1:30 sexagesimal of YAML 1.1), hex, octal, infinities and NaN.
    [GeneratedRegex(@"^(?:[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex LooksNumeric();
}
