namespace Tollgate.Evaluation.Prompts;

/// <summary>
/// A versioned prompt file, <c>prompts/&lt;name&gt;/&lt;version&gt;.yaml</c>: a system prompt, a user template with
/// declared variables (<c>{{ question }}</c>) and model settings. Fields missing from the file are empty (or null),
/// and <see cref="PromptValidator"/> reports them.
/// </summary>
/// <param name="Name">The prompt's name; must match the folder name.</param>
/// <param name="Version">The prompt's version (e.g. <c>v1</c>); must match the file name.</param>
/// <param name="Description">What the prompt is for.</param>
/// <param name="Model">Model settings (temperature, max tokens).</param>
/// <param name="Variables">The declared variables the templates may use.</param>
/// <param name="System">The system prompt template (may use variables).</param>
/// <param name="User">The user message template.</param>
/// <param name="SourcePath">The file it was read from, or null for text parsed from memory.</param>
public sealed record PromptFile(
    string Name,
    string Version,
    string? Description,
    PromptModelSettings Model,
    IReadOnlyList<string> Variables,
    string? System,
    string User,
    string? SourcePath)
{
    /// <summary>Where the fields and templates are in the source file, for diagnostics with file:line.</summary>
    public PromptFileLocations Locations { get; init; } = PromptFileLocations.Unknown;

    /// <summary>The parsed system template, or null when the file has no system prompt.</summary>
    public PromptTemplate? SystemTemplate => System is null ? null : PromptTemplate.Parse(System);

    /// <summary>The parsed user template.</summary>
    public PromptTemplate UserTemplate => PromptTemplate.Parse(User);

    /// <summary>
    /// Renders the system prompt and the user message with the given variable values.
    /// </summary>
    /// <exception cref="PromptTemplateException">A variable is missing or a template has a syntax error.</exception>
    public RenderedPrompt Render(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var origin = SourcePath ?? $"prompt '{Name}' {Version}";
        return new RenderedPrompt(
            SystemTemplate?.Render(variables, $"{origin} (system)"),
            UserTemplate.Render(variables, $"{origin} (user)"));
    }
}

/// <summary>The model settings of a prompt file (<c>model: { temperature: 0, max_tokens: 512 }</c>).</summary>
/// <param name="Temperature">Sampling temperature, if set.</param>
/// <param name="MaxTokens">The maximum number of completion tokens, if set.</param>
/// <param name="TopP">Nucleus sampling, if set.</param>
/// <param name="Model">A model name, if the prompt pins one.</param>
public sealed record PromptModelSettings(double? Temperature = null, int? MaxTokens = null, double? TopP = null, string? Model = null)
{
    /// <summary>No settings: the caller's defaults apply.</summary>
    public static PromptModelSettings Default { get; } = new();
}

/// <summary>A prompt with its variables filled in.</summary>
/// <param name="System">The system prompt, if the file has one.</param>
/// <param name="User">The user message.</param>
public sealed record RenderedPrompt(string? System, string User);
