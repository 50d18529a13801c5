namespace Tollgate;

/// <summary>
/// Writes <c>--help</c>: the usage line, the listed targets with descriptions, the default marker and direct
/// dependencies, the parameters with their flag, type, default (never a secret's), required marker, description and
/// where they can be set, then the engine's own options. Plain text, no colours.
/// </summary>
internal static class HelpWriter
{
    private const string Indent = "  ";
    private const string DetailIndent = "      ";
    private const int MaxNameColumn = 28;

    private static readonly (string Flag, string Description)[] EngineOptions =
    [
        ("--target <targets>", "Targets to run (same as naming them first); the default target when none is given."),
        ("--skip [targets]", "Skip these targets, or every target but the invoked ones when none are named."),
        ("--plan", "Print the execution plan and write .nuke/temp/plan.html instead of running."),
        ("--help", "Show this help."),
        ("--root <path>", "The root directory (default: the nearest directory holding .nuke)."),
        ("--verbosity <level>", "How much to print: quiet, minimal, normal (default) or verbose."),
        ("--profile <names>", "Also read .nuke/parameters.NAME.json for each name; later profiles win."),
        ("--continue", "Resume the last failed run: targets that succeeded in it are skipped."),
        ("--max-parallel <int>", "How many targets may run at once (default: the number of processors)."),
        ("--force", "Run incremental targets even when they are up to date."),
        ("--no-logo", "Do not print the logo line."),
        ("--host <name>", "Where output goes: terminal or github-actions (default: detected from the environment)."),
    ];

    /// <summary>Writes the help text.</summary>
    /// <param name="graph">The build's targets.</param>
    /// <param name="parameters">The build's parameters, in the order to show.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="defaultTarget">The default target, marked <c>(default)</c>; the graph's own default when null.</param>
    public static void Write(TargetGraph graph, IReadOnlyList<ParameterDescriptor> parameters, TextWriter writer, string? defaultTarget)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(writer);
        defaultTarget ??= graph.DefaultTarget;

        writer.WriteLine("Usage: ./build.sh [targets] [--skip [targets]] [options]");
        writer.WriteLine();
        WriteTargets(graph, writer, defaultTarget);
        WriteParameters(parameters, writer);
        writer.WriteLine("Options:");
        var width = Math.Min(EngineOptions.Max(o => o.Flag.Length), MaxNameColumn) + 2;
        foreach (var (flag, description) in EngineOptions)
        {
            writer.WriteLine(Column(flag, width, description));
        }
    }

    /// <summary>A parameter's type as shown in help: <c>string</c>, <c>bool</c>, <c>int</c>, <c>number</c>, <c>a|b|c</c>, <c>duration</c>, <c>uri</c>, <c>path</c>, <c>list of X</c>.</summary>
    public static string FriendlyTypeName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type = Nullable.GetUnderlyingType(type) ?? type;
        var element = ParameterValueConverter.GetElementType(type);
        if (element is not null)
        {
            return "list of " + FriendlyTypeName(element);
        }

        if (type.IsEnum)
        {
            return string.Join("|", Enum.GetNames(type));
        }

        return type switch
        {
            _ when type == typeof(bool) => "bool",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
                || type == typeof(uint) || type == typeof(ulong) => "int",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "number",
            _ when type == typeof(TimeSpan) => "duration",
            _ when type == typeof(Uri) => "uri",
            _ when type == typeof(AbsolutePath) => "path",
            _ => "string",
        };
    }

    private static void WriteTargets(TargetGraph graph, TextWriter writer, string? defaultTarget)
    {
        var listed = graph.Targets.Where(t => !t.Unlisted).ToList();
        writer.WriteLine("Targets:");
        if (listed.Count == 0)
        {
            writer.WriteLine(Indent + "(none)");
            writer.WriteLine();
            return;
        }

        string Label(TargetSpec t) => string.Equals(t.Name, defaultTarget, StringComparison.OrdinalIgnoreCase) ? t.Name + " (default)" : t.Name;
        var width = Math.Min(listed.Max(t => Label(t).Length), MaxNameColumn) + 2;
        foreach (var target in listed)
        {
            var text = OneLine(target.Description);
            if (!target.DependsOn.IsEmpty)
            {
                text = (text.Length == 0 ? string.Empty : text + "  ") + "-> " + string.Join(", ", target.DependsOn);
            }

            writer.WriteLine(Column(Label(target), width, text));
        }

        writer.WriteLine();
    }

    private static void WriteParameters(IReadOnlyList<ParameterDescriptor> parameters, TextWriter writer)
    {
        if (parameters.Count == 0)
        {
            return;
        }

        writer.WriteLine("Parameters:");
        foreach (var parameter in parameters)
        {
            var head = $"{Indent}{parameter.CommandLineName} <{FriendlyTypeName(parameter.ValueType)}>";
            var marks = new List<string>();
            if (parameter.IsRequired)
            {
                marks.Add("required");
            }

            if (parameter.IsSecret)
            {
                marks.Add("(secret)");
            }
            else if (FormatDefault(parameter.DefaultValue) is { } value)
            {
                marks.Add("default: " + value);
            }

            writer.WriteLine(marks.Count == 0 ? head : $"{head}  {string.Join("  ", marks)}");
            var description = OneLine(parameter.Description);
            if (description.Length > 0)
            {
                writer.WriteLine(DetailIndent + description);
            }

            var upper = ParameterNames.ToKebabCase(parameter.Name).Replace('-', '_').ToUpperInvariant();
            var environment = string.Equals(upper, parameter.Name, StringComparison.Ordinal) ? upper : $"{parameter.Name} / {upper}";
            writer.WriteLine($"{DetailIndent}set with {parameter.CommandLineName}, environment {environment}, or .nuke/parameters.json");
        }

        writer.WriteLine();
    }

    private static string? FormatDefault(object? value)
    {
        var text = value is null ? string.Empty : OneLine(ParameterValueConverter.Format(value));
        return text.Length == 0 ? null : text;
    }

    private static string Column(string name, int width, string text) =>
        text.Length == 0 ? Indent + name
        : name.Length >= width ? $"{Indent}{name}{Environment.NewLine}{Indent}{new string(' ', width)}{text}"
        : Indent + name.PadRight(width) + text;

    private static string OneLine(string? text) =>
        text is null ? string.Empty : string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
