namespace Tollgate.GitHubActions;

/// <summary>The environment variable a parameter is read from in CI.</summary>
internal static class EnvironmentNames
{
    /// <summary>
    /// <c>OpenAiApiKey</c> → <c>OPEN_AI_API_KEY</c>. The engine matches environment variables to parameters on letters and
    /// digits, ignoring case and underscores, so the build reads the parameter from this variable.
    /// </summary>
    public static string ForParameter(string parameterName) =>
        ParameterNames.ToKebabCase(parameterName).Replace('-', '_').ToUpperInvariant();
}
