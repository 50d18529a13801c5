using System.Text;

namespace Tollgate;

/// <summary>Checks, before any target runs, that every required parameter has a value.</summary>
internal static class ParameterValidation
{
    /// <summary>
    /// Throws one error listing every parameter that is <see cref="RequiredAttribute">[Required]</see> or named in
    /// <paramref name="additionalRequiredNames"/> (the plan's <c>Requires(() =&gt; X)</c>) and has no value (neither
    /// from a source nor from the member's default), each with every way to set it.
    /// </summary>
    /// <exception cref="TollgateException">Some required parameter has no value, or a required name is not a parameter.</exception>
    public static void EnsureRequired(
        IReadOnlyList<ParameterDescriptor> descriptors, ResolvedParameters resolved, IEnumerable<string> additionalRequiredNames)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(additionalRequiredNames);
        var byName = descriptors.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
        var additional = additionalRequiredNames.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var notParameters = additional.Where(n => !byName.ContainsKey(n)).ToList();
        var missing = descriptors
            .Where(d => d.IsRequired || additional.Contains(d.Name, StringComparer.OrdinalIgnoreCase))
            .Where(d => !resolved.ByName.TryGetValue(d.Name, out var parameter) || parameter.Value is null)
            .ToList();
        if (missing.Count == 0 && notParameters.Count == 0)
        {
            return;
        }

        var message = new StringBuilder();
        if (missing.Count > 0)
        {
            message.Append(missing.Count == 1 ? "A required parameter has no value:" : $"{missing.Count} required parameters have no value:");
            foreach (var descriptor in missing)
            {
                AppendWaysToSet(message, descriptor);
            }
        }

        foreach (var name in notParameters)
        {
            var closest = NameSuggestions.Closest(name, byName.Keys);
            message.Append(message.Length > 0 ? "\n" : string.Empty)
                .Append($"A target requires '{name}', which is not a parameter of this build. Mark the member with [Parameter(\"...\")]")
                .Append(closest is null ? "." : $" or require '{closest}'.");
        }

        throw new TollgateException(message.ToString());
    }

    /// <summary>The environment-variable spelling in upper snake case: <c>ApiKey</c> → <c>API_KEY</c>.</summary>
    public static string ToEnvironmentName(string name) => ParameterNames.ToKebabCase(name).Replace('-', '_').ToUpperInvariant();

    private static void AppendWaysToSet(StringBuilder message, ParameterDescriptor descriptor)
    {
        var snake = ToEnvironmentName(descriptor.Name);
        var environment = snake == descriptor.Name ? $"environment variable {snake}" : $"environment variable {descriptor.Name} or {snake}";
        var description = string.IsNullOrWhiteSpace(descriptor.Description) ? string.Empty : $": {descriptor.Description}";
        message.Append('\n').Append($"  {descriptor.Name}{(descriptor.IsSecret ? " (secret)" : string.Empty)}{description}")
            .Append('\n').Append($"    set it with {descriptor.CommandLineName} <value>")
            .Append('\n').Append($"    or {environment}")
            .Append('\n').Append($"    or \"{descriptor.Name}\" in {ParameterResolver.ParametersFile} (or a profile file .nuke/parameters.NAME.json with --profile NAME)");
    }
}
