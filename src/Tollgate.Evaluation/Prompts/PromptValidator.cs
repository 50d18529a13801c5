namespace Tollgate.Evaluation.Prompts;

/// <summary>
/// Static checks of a prompt file: required fields, template syntax, variables used vs declared, the file's name vs
/// its <c>name</c>/<c>version</c>, and a token limit (counted with the model's tiktoken encoding). Every problem names the file and line.
/// </summary>
/// <param name="options">The limits; default <see cref="PromptValidationOptions.Default"/>.</param>
public sealed class PromptValidator(PromptValidationOptions? options = null)
{
    private readonly PromptValidationOptions _options = options ?? PromptValidationOptions.Default;

    /// <summary>Parses and validates a file: the parse problems followed by the validation problems.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="displayPath">The path diagnostics name (e.g. relative to the repository root).</param>
    public IReadOnlyList<Diagnostic> ValidateFile(string path, string? displayPath = null)
    {
        var parsed = PromptFileParser.Parse(path, displayPath);
        if (parsed.File is null)
        {
            return parsed.Problems;
        }

        // The file-name rule needs the real path's folder and name even when diagnostics name a shorter one.
        return [.. parsed.Problems, .. Validate(parsed.File, path)];
    }

    /// <summary>Validates a parsed prompt file.</summary>
    public IReadOnlyList<Diagnostic> Validate(PromptFile prompt) => Validate(prompt, prompt.SourcePath);

    private List<Diagnostic> Validate(PromptFile prompt, string? physicalPath)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var problems = new List<Diagnostic>();
        var file = prompt.SourcePath;
        var locations = prompt.Locations;

        RequireField("name", prompt.Name, "name: answer");
        RequireField("version", prompt.Version, "version: v1");
        RequireField("user", prompt.User, "user: |  (followed by the user message template)");

        var templates = new List<(string Field, PromptTemplate Template, PromptTextOrigin? Origin)>();
        if (prompt.System is not null)
        {
            templates.Add(("system", PromptTemplate.Parse(prompt.System), locations.System));
        }

        templates.Add(("user", PromptTemplate.Parse(prompt.User), locations.User));
        var declared = new HashSet<string>(prompt.Variables, StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, template, origin) in templates)
        {
            foreach (var error in template.Errors)
            {
                var (line, column) = Map(origin, error.Line, error.Column);
                problems.Add(new Diagnostic(LogLevel.Error, $"In '{field}': {error.Message}", file, line, column, PromptDiagnosticCodes.TemplateSyntax));
            }

            foreach (var usage in template.Usages.Where(u => u.Filter is not null))
            {
                // The service renders prompt files with Semantic Kernel, which has no filters: the one grammar's
                // '| json' is for suite HTTP bodies only.
                var (line, column) = Map(origin, usage.Line, usage.Column);
                problems.Add(new Diagnostic(
                    LogLevel.Error,
                    $"In '{field}': '{{{{ {usage.Name} | {usage.Filter} }}}}' uses a filter; prompt files are rendered without filters. Write '{{{{ {usage.Name} }}}}'.",
                    file,
                    line,
                    column,
                    PromptDiagnosticCodes.TemplateSyntax));
            }

            foreach (var usage in template.Usages.DistinctBy(u => u.Name))
            {
                used.Add(usage.Name);
                if (!declared.Contains(usage.Name))
                {
                    var (line, column) = Map(origin, usage.Line, usage.Column);
                    problems.Add(new Diagnostic(
                        LogLevel.Error,
                        $"'{field}' uses variable '{usage.Name}', which is not declared. Add it to 'variables' or fix the name{Suggestion(usage.Name, declared)}.",
                        file,
                        line,
                        column,
                        PromptDiagnosticCodes.UndeclaredVariable));
                }
            }
        }

        foreach (var variable in prompt.Variables.Where(v => !used.Contains(v)))
        {
            problems.Add(new Diagnostic(
                LogLevel.Error,
                $"Variable '{variable}' is declared but no template uses it, so its value never reaches the model. Use {{{{ {variable} }}}} in 'system' or 'user', or remove it from 'variables'.",
                file,
                locations.VariableLines.TryGetValue(variable, out var line) ? line : locations.LineOf("variables"),
                null,
                PromptDiagnosticCodes.UnusedVariable));
        }

        CheckFileName(prompt, physicalPath, problems);

        var model = prompt.Model.Model;
        var tokens = TokenCounter.Count(prompt.System, model) + TokenCounter.Count(prompt.User, model);
        if (tokens > _options.MaxTokens)
        {
            problems.Add(new Diagnostic(
                LogLevel.Error,
                $"The system and user templates are {tokens} tokens ({TokenCounter.EncodingFor(model)}, placeholders unfilled), over the limit of {_options.MaxTokens}. Shorten the prompt or raise the limit.",
                file,
                locations.LineOf(prompt.System is null ? "user" : "system") ?? 1,
                null,
                PromptDiagnosticCodes.TokenLimit));
        }

        return problems;

        void RequireField(string field, string value, string example)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                var present = locations.LineOf(field);
                var message = present is null
                    ? $"Required field '{field}' is missing. Add it, e.g. '{example}'."
                    : $"Required field '{field}' is empty. Give it a value, e.g. '{example}'.";
                problems.Add(new Diagnostic(LogLevel.Error, message, file, present ?? 1, null, PromptDiagnosticCodes.MissingField));
            }
        }
    }

    private void CheckFileName(PromptFile prompt, string? path, List<Diagnostic> problems)
    {
        if (!_options.CheckFileName || path is null)
        {
            return;
        }

        var version = Path.GetFileNameWithoutExtension(path);
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)));
        if (prompt.Version.Length > 0 && !string.Equals(version, prompt.Version, StringComparison.Ordinal))
        {
            problems.Add(new Diagnostic(
                LogLevel.Error,
                $"The file is named '{Path.GetFileName(path)}' but declares version '{prompt.Version}'. Prompt files live at prompts/<name>/<version>.yaml: rename the file to '{prompt.Version}{Path.GetExtension(path)}' or fix 'version'.",
                prompt.SourcePath,
                prompt.Locations.LineOf("version") ?? 1,
                null,
                PromptDiagnosticCodes.FileNameMismatch));
        }

        if (prompt.Name.Length > 0 && !string.Equals(folder, prompt.Name, StringComparison.Ordinal))
        {
            problems.Add(new Diagnostic(
                LogLevel.Error,
                $"The file is in folder '{folder}' but declares name '{prompt.Name}'. Prompt files live at prompts/<name>/<version>.yaml: move it to a folder named '{prompt.Name}' or fix 'name'.",
                prompt.SourcePath,
                prompt.Locations.LineOf("name") ?? 1,
                null,
                PromptDiagnosticCodes.FileNameMismatch));
        }
    }

    private static (int? Line, int? Column) Map(PromptTextOrigin? origin, int line, int column)
    {
        if (origin is null)
        {
            return (null, null);
        }

        var (fileLine, fileColumn) = origin.ToFile(line, column);
        return (fileLine, fileColumn);
    }

    private static string Suggestion(string name, HashSet<string> declared)
    {
        var close = declared.FirstOrDefault(d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase) || NameSuggestions.Distance(d, name) <= 2);
        return close is null ? string.Empty : $" (did you mean '{close}'?)";
    }
}
