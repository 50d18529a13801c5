using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tollgate.Evaluation.Prompts;

/// <summary>
/// Reads prompt files (<c>prompts/&lt;name&gt;/&lt;version&gt;.yaml</c>). Parsing never throws for bad content:
/// YAML syntax errors and wrongly typed fields come back as <see cref="PromptParseResult.Problems"/> with their line.
/// </summary>
internal static class PromptFileParser
{
    /// <summary>The top-level keys a prompt file may have.</summary>
    public static IReadOnlyList<string> KnownFields { get; } = ["name", "version", "description", "model", "variables", "system", "user"];

    /// <summary>Reads and parses a prompt file.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="displayPath">The path diagnostics name (e.g. relative to the repository root); default: <paramref name="path"/>.</param>
    public static PromptParseResult Parse(string path, string? displayPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return ParseText(File.ReadAllText(path), displayPath ?? path);
    }

    /// <summary>Parses prompt-file text.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="sourcePath">The path diagnostics name, if any.</param>
    public static PromptParseResult ParseText(string text, string? sourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<Diagnostic>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            problems.Add(Error(sourcePath, (int)exception.Start.Line, (int)exception.Start.Column, $"Invalid YAML: {YamlMessage(exception)}", PromptDiagnosticCodes.Syntax));
            return new PromptParseResult(null, problems);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections (an unclosed '['): name where.
            var (line, column) = SuiteLoader.LastGoodPosition(text);
            problems.Add(Error(sourcePath, line, column, "Invalid YAML: an unterminated [ or { (a flow collection) starts here or just after; close it", PromptDiagnosticCodes.Syntax));
            return new PromptParseResult(null, problems);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var line = stream.Documents.Count == 0 ? 1 : (int)stream.Documents[0].RootNode.Start.Line;
            problems.Add(Error(sourcePath, line, null, "A prompt file must be a YAML mapping with name, version, variables, system and user.", PromptDiagnosticCodes.Syntax));
            return new PromptParseResult(null, problems);
        }

        var sourceLines = text.Split('\n');
        var reader = new FieldReader(sourcePath, problems);
        var fieldLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var variableLines = new Dictionary<string, int>(StringComparer.Ordinal);
        string? name = null, version = null, description = null, system = null, user = null;
        PromptTextOrigin? systemOrigin = null, userOrigin = null;
        var variables = new List<string>();
        var model = PromptModelSettings.Default;

        foreach (var (keyNode, value) in root.Children)
        {
            var key = keyNode is YamlScalarNode scalarKey ? scalarKey.Value ?? string.Empty : keyNode.ToString();
            fieldLines[key] = (int)keyNode.Start.Line;
            switch (key)
            {
                case "name":
                    name = reader.String(key, value);
                    break;
                case "version":
                    version = reader.String(key, value);
                    break;
                case "description":
                    description = reader.String(key, value);
                    break;
                case "system":
                    system = reader.String(key, value);
                    systemOrigin = Origin(value, sourceLines);
                    break;
                case "user":
                    user = reader.String(key, value);
                    userOrigin = Origin(value, sourceLines);
                    break;
                case "variables":
                    variables = reader.Variables(value, variableLines);
                    break;
                case "model":
                    model = reader.Model(value);
                    break;
                default:
                    problems.Add(new Diagnostic(
                        LogLevel.Warning,
                        $"Unknown field '{key}'. Known fields: {string.Join(", ", KnownFields)}.",
                        sourcePath,
                        (int)keyNode.Start.Line,
                        (int)keyNode.Start.Column,
                        PromptDiagnosticCodes.UnknownField));
                    break;
            }
        }

        var file = new PromptFile(name ?? string.Empty, version ?? string.Empty, description, model, variables, system, user ?? string.Empty, sourcePath)
        {
            Locations = new PromptFileLocations(fieldLines, variableLines, systemOrigin, userOrigin),
        };
        return new PromptParseResult(file, problems);
    }

    private static PromptTextOrigin? Origin(YamlNode value, string[] sourceLines)
    {
        if (value is not YamlScalarNode scalar)
        {
            return null;
        }

        var line = (int)scalar.Start.Line;
        var column = (int)scalar.Start.Column;
        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            // The scalar starts at the '|' indicator; its text starts on the next line, at the block's indentation.
            var first = line + 1;
            var indent = sourceLines.Skip(first - 1).Select(l => l.TrimEnd('\r'))
                .Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ').Length).FirstOrDefault();
            return new PromptTextOrigin(first, 1, IsBlock: true, indent);
        }

        var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        return new PromptTextOrigin(line, quoted ? column + 1 : column, IsBlock: false, 0);
    }

    private static string YamlMessage(YamlException exception) =>
        exception.InnerException is YamlException inner && !string.IsNullOrEmpty(inner.Message) ? inner.Message : exception.Message;

    private static Diagnostic Error(string? file, int line, int? column, string message, string code) =>
        new(LogLevel.Error, message, file, line, column, code);

    private sealed class FieldReader(string? sourcePath, List<Diagnostic> problems)
    {
        public string? String(string key, YamlNode value)
        {
            if (value is YamlScalarNode scalar)
            {
                return scalar.Value;
            }

            problems.Add(Error(sourcePath, (int)value.Start.Line, (int)value.Start.Column, $"'{key}' must be text, not a {NodeKind(value)}.", PromptDiagnosticCodes.WrongType));
            return null;
        }

        public List<string> Variables(YamlNode value, Dictionary<string, int> lines)
        {
            var names = new List<string>();
            if (value is YamlScalarNode { Value: null or "" or "~" or "null" })
            {
                return names;
            }

            if (value is not YamlSequenceNode sequence)
            {
                problems.Add(Error(sourcePath, (int)value.Start.Line, (int)value.Start.Column, $"'variables' must be a list of names, e.g. [question, context], not a {NodeKind(value)}.", PromptDiagnosticCodes.WrongType));
                return names;
            }

            foreach (var item in sequence.Children)
            {
                if (item is YamlScalarNode { Value: { Length: > 0 } variable })
                {
                    if (!lines.TryAdd(variable, (int)item.Start.Line))
                    {
                        problems.Add(new Diagnostic(LogLevel.Warning, $"Variable '{variable}' is declared twice; remove the duplicate.", sourcePath, (int)item.Start.Line, (int)item.Start.Column, PromptDiagnosticCodes.DuplicateVariable));
                        continue;
                    }

                    names.Add(variable);
                }
                else
                {
                    problems.Add(Error(sourcePath, (int)item.Start.Line, (int)item.Start.Column, "Each entry of 'variables' must be a name.", PromptDiagnosticCodes.WrongType));
                }
            }

            return names;
        }

        public PromptModelSettings Model(YamlNode value)
        {
            if (value is not YamlMappingNode mapping)
            {
                problems.Add(Error(sourcePath, (int)value.Start.Line, (int)value.Start.Column, $"'model' must be a mapping such as {{ temperature: 0, max_tokens: 512 }}, not a {NodeKind(value)}.", PromptDiagnosticCodes.WrongType));
                return PromptModelSettings.Default;
            }

            var settings = PromptModelSettings.Default;
            foreach (var (keyNode, node) in mapping.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                var text = (node as YamlScalarNode)?.Value;
                switch (key)
                {
                    case "temperature":
                        settings = settings with { Temperature = Number(key, node, text, 0, 2) };
                        break;
                    case "top_p":
                        settings = settings with { TopP = Number(key, node, text, 0, 1) };
                        break;
                    case "max_tokens":
                        var maxTokens = Number(key, node, text, 1, int.MaxValue);
                        settings = settings with { MaxTokens = maxTokens is null ? null : (int)maxTokens.Value };
                        break;
                    case "model":
                        settings = settings with { Model = text };
                        break;
                    default:
                        problems.Add(new Diagnostic(LogLevel.Warning, $"Unknown model setting '{key}'. Known: temperature, max_tokens, top_p, model.", sourcePath, (int)keyNode.Start.Line, (int)keyNode.Start.Column, PromptDiagnosticCodes.UnknownField));
                        break;
                }
            }

            return settings;
        }

        private double? Number(string key, YamlNode node, string? text, double minimum, double maximum)
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum
                && (key != "max_tokens" || number == Math.Floor(number)))
            {
                return number;
            }

            var range = key == "max_tokens" ? "a whole number of at least 1" : $"a number from {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)}";
            problems.Add(Error(sourcePath, (int)node.Start.Line, (int)node.Start.Column, $"model.{key} must be {range}, not '{text ?? NodeKind(node)}'.", PromptDiagnosticCodes.WrongType));
            return null;
        }

        private static string NodeKind(YamlNode node) => node switch
        {
            YamlMappingNode => "mapping",
            YamlSequenceNode => "list",
            _ => "scalar",
        };
    }
}

/// <summary>The outcome of parsing a prompt file.</summary>
/// <param name="File">The prompt file, or null when the text is not a YAML mapping.</param>
/// <param name="Problems">Syntax and type problems with their lines.</param>
internal sealed record PromptParseResult(PromptFile? File, IReadOnlyList<Diagnostic> Problems);
