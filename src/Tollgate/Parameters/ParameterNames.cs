using System.Text;

namespace Tollgate;

/// <summary>Naming conventions for parameters.</summary>
internal static class ParameterNames
{
    /// <summary><c>CoverageThreshold</c> → <c>coverage-threshold</c>; <c>LLMApiKey</c> → <c>llm-api-key</c>.</summary>
    public static string ToKebabCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_')
            {
                builder.Append('-');
                continue;
            }

            if (char.IsUpper(c) && i > 0 && builder.Length > 0 && builder[^1] != '-')
            {
                var previousLower = char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]);
                var nextLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (previousLower || (char.IsUpper(name[i - 1]) && nextLower))
                {
                    builder.Append('-');
                }
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>Letters and digits only, upper-cased: <c>coverage_threshold</c> and <c>CoverageThreshold</c> both give <c>COVERAGETHRESHOLD</c>.</summary>
    public static string ToLettersAndDigits(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Concat(name.Where(char.IsLetterOrDigit)).ToUpperInvariant();
    }
}
