using System.Text;

namespace Tollgate.GitHubActions.Yaml;

/// <summary>
/// Writes a <see cref="YamlNode"/> tree as block-style YAML with two-space indentation, LF line ends and no trailing
/// spaces. Multi-line strings become literal block scalars (<c>|</c>), short simple sequences flow sequences.
/// </summary>
internal static class YamlWriter
{
    private const int FlowLimit = 100;

    /// <summary>Writes a document whose root is a map.</summary>
    public static string Write(YamlMap root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var builder = new StringBuilder();
        WriteMapEntries(builder, root, 0);
        return builder.ToString();
    }

    private static void WriteMapEntries(StringBuilder builder, YamlMap map, int indent)
    {
        foreach (var (key, value) in map.Entries)
        {
            builder.Append(' ', indent).Append(Key(key)).Append(':');
            WriteValue(builder, value, indent);
        }
    }

    // Writes what follows "key:" or "- ": a scalar on the same line, or a nested block on the next lines.
    private static void WriteValue(StringBuilder builder, YamlNode value, int indent)
    {
        switch (value)
        {
            case YamlScalar scalar:
                WriteScalar(builder, scalar, indent);
                break;
            case YamlMap { IsEmpty: true }:
                builder.Append('\n');
                break;
            case YamlMap map:
                builder.Append('\n');
                WriteMapEntries(builder, map, indent + 2);
                break;
            case YamlSequence { Items.IsEmpty: true }:
                builder.Append(" []\n");
                break;
            case YamlSequence sequence when Flow(sequence) is { } flow:
                builder.Append(' ').Append(flow).Append('\n');
                break;
            case YamlSequence sequence:
                builder.Append('\n');
                WriteSequenceItems(builder, sequence, indent + 2);
                break;
            default:
                throw new InvalidOperationException($"Unknown YAML node {value.GetType().Name}.");
        }
    }

    private static void WriteSequenceItems(StringBuilder builder, YamlSequence sequence, int indent)
    {
        foreach (var item in sequence.Items)
        {
            builder.Append(' ', indent).Append('-');
            if (item is YamlMap { IsEmpty: false } map)
            {
                // The first entry shares the dash's line: "- uses: actions/checkout@v4".
                var nested = new StringBuilder();
                WriteMapEntries(nested, map, indent + 2);
                builder.Append(' ').Append(nested.ToString(indent + 2, nested.Length - indent - 2));
            }
            else
            {
                WriteValue(builder, item, indent);
            }
        }
    }

    private static void WriteScalar(StringBuilder builder, YamlScalar scalar, int indent)
    {
        if (scalar.Kind == YamlScalarKind.Plain)
        {
            builder.Append(' ').Append(scalar.Value).Append('\n');
            return;
        }

        var text = scalar.Value;
        if (scalar.Kind == YamlScalarKind.Quoted && !text.Any(char.IsControl))
        {
            builder.Append(' ').Append(YamlQuoting.SingleQuoted(text)).Append('\n');
            return;
        }

        if (text.Contains('\n', StringComparison.Ordinal) && CanBeLiteralBlock(text))
        {
            // "|" keeps exactly one final line break, "|-" none.
            var body = text.EndsWith('\n') ? text[..^1] : text;
            builder.Append(text.EndsWith('\n') ? " |\n" : " |-\n");
            foreach (var line in body.Split('\n'))
            {
                if (line.Length > 0)
                {
                    builder.Append(' ', indent + 2).Append(line);
                }

                builder.Append('\n');
            }

            return;
        }

        builder.Append(' ').Append(YamlQuoting.Inline(text, inFlow: false)).Append('\n');
    }

    // A literal block cannot hold control characters, trailing spaces (they would be kept but are invisible),
    // a leading blank or indented first line (the indentation indicator would be needed), or more than one final break.
    private static bool CanBeLiteralBlock(string text) =>
        !text.Any(c => char.IsControl(c) && c != '\n') &&
        !text.Split('\n').Any(line => line.Length > 0 && char.IsWhiteSpace(line[^1])) &&
        text.Length > 0 && !char.IsWhiteSpace(text[0]) &&
        !text.EndsWith("\n\n", StringComparison.Ordinal);

    private static string? Flow(YamlSequence sequence)
    {
        if (!sequence.Items.All(i => i is YamlScalar { Kind: YamlScalarKind.Plain } || (i is YamlScalar { Kind: YamlScalarKind.Text } s && YamlQuoting.CanBePlain(s.Value, inFlow: true))))
        {
            return null;
        }

        var flow = "[" + string.Join(", ", sequence.Items.Cast<YamlScalar>().Select(s => s.Value)) + "]";
        return flow.Length <= FlowLimit ? flow : null;
    }

    private static string Key(string key) =>
        key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? key
            : YamlQuoting.SingleQuoted(key);
}
