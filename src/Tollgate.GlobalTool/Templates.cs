namespace Tollgate.GlobalTool;

/// <summary>The files :setup writes, embedded in the tool, with <c>{{Name}}</c> placeholders.</summary>
internal static class Templates
{
    /// <summary>Reads a template and replaces its placeholders; a placeholder without a value is a bug and throws.</summary>
    public static string Render(string name, IReadOnlyDictionary<string, string> values)
    {
        using var stream = typeof(Templates).Assembly.GetManifestResourceStream("Templates/" + name)
            ?? throw new InvalidOperationException($"The tool has no template {name}.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        foreach (var (key, value) in values)
        {
            text = text.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
        }

        var left = text.IndexOf("{{", StringComparison.Ordinal);
        return left < 0
            ? text
            : throw new InvalidOperationException($"Template {name} has a placeholder without a value at {left}.");
    }

    /// <summary>The values of the bootstrapper templates for a build project and the files it is made of.</summary>
    public static Dictionary<string, string> BootstrapperValues(string buildDirectory, string projectName, IReadOnlyList<string> inputs) => new()
    {
        ["BuildProject"] = $"{buildDirectory}/{projectName}.csproj",
        ["BuildAssembly"] = $"{buildDirectory}/bin/Debug/net10.0/{projectName}.dll",
        ["BuildInputs"] = string.Join(' ', inputs),
        ["BuildInputsQuoted"] = string.Join(", ", inputs.Select(i => $"\"{i}\"")),
    };
}
