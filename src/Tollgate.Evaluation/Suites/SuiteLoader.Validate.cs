using Tollgate.Evaluation.Prompts;

namespace Tollgate.Evaluation;

public static partial class SuiteLoader
{
    /// <summary>Case fields an assertion value template may use besides the case's vars.</summary>
    private static readonly string[] CaseFields = ["expected", "reference", "input", "question"];

    /// <summary>
    /// Checks what spans files: ids are unique and every template variable (provider body, headers, prompts,
    /// assertion values) is declared by every case.
    /// </summary>
    public static void Validate(EvalSuite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var seen = new Dictionary<string, EvalCase>(StringComparer.Ordinal);
        foreach (var evalCase in suite.Cases)
        {
            if (!seen.TryAdd(evalCase.Id, evalCase))
            {
                throw new SuiteException(evalCase.Location, "id", $"duplicate case id '{evalCase.Id}' (first at {seen[evalCase.Id].Location}); ids must be unique");
            }
        }

        var provider = suite.Provider;
        var templates = new List<(string Field, string Text)>();
        AddIfSet(templates, "provider.body", provider.Body);
        AddIfSet(templates, "provider.system", provider.System);
        AddIfSet(templates, "provider.user", provider.User);
        templates.AddRange(provider.Headers.Select(h => ($"provider.headers.{h.Key}", h.Value)));

        foreach (var evalCase in suite.Cases)
        {
            foreach (var (field, text) in templates)
            {
                CheckVariables(evalCase, field, text, provider.Location, [.. evalCase.Vars.Keys]);
            }

            foreach (var assertion in suite.DefaultAssertions.Concat(evalCase.Assertions))
            {
                if (assertion.Value is { } value)
                {
                    CheckVariables(evalCase, $"assert.{assertion.Type}.value", value, assertion.Location, [.. evalCase.Vars.Keys, .. CaseFields]);
                }

                foreach (var item in assertion.Values)
                {
                    CheckVariables(evalCase, $"assert.{assertion.Type}.value", item, assertion.Location, [.. evalCase.Vars.Keys, .. CaseFields]);
                }
            }
        }
    }

    private static void AddIfSet(List<(string, string)> templates, string field, string? text)
    {
        if (text is not null)
        {
            templates.Add((field, text));
        }
    }

    private static void CheckVariables(EvalCase evalCase, string field, string text, SourceLocation? location, string[] declared)
    {
        var template = PromptTemplate.Parse(text);
        if (template.Errors.Count > 0)
        {
            var error = template.Errors[0];
            throw new SuiteException(location, field, $"template line {error.Line}, column {error.Column}: {error.Message}");
        }

        foreach (var variable in template.Variables)
        {
            if (!declared.Contains(variable, StringComparer.Ordinal))
            {
                var suggestion = NameSuggestions.Closest(variable, declared);
                throw new SuiteException(location, field,
                    $"template variable '{variable}' is not declared by case '{evalCase.Id}' ({evalCase.Location}); "
                    + (declared.Length == 0 ? "the case has no vars" : $"declared: {string.Join(", ", declared)}")
                    + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
            }
        }
    }
}
