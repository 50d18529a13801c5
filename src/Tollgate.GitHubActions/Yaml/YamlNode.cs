using System.Collections.Immutable;

namespace Tollgate.GitHubActions.Yaml;

/// <summary>A node of a YAML document as the writer emits it: maps keep insertion order, so output is stable.</summary>
internal abstract record YamlNode
{
    private protected YamlNode()
    {
    }

    /// <summary>A string scalar (quoted only when YAML would read it as something else).</summary>
    public static YamlScalar Text(string value) => new(value, YamlScalarKind.Text);

    /// <summary>A string scalar that is always single-quoted, for values readers expect quoted (cron lines).</summary>
    public static YamlScalar Quoted(string value) => new(value, YamlScalarKind.Quoted);

    /// <summary>An integer scalar, written unquoted.</summary>
    public static YamlScalar Number(int value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), YamlScalarKind.Plain);

    /// <summary>A boolean scalar, written unquoted.</summary>
    public static YamlScalar Bool(bool value) => new(value ? "true" : "false", YamlScalarKind.Plain);

    /// <summary>A sequence of strings.</summary>
    public static YamlSequence Strings(IEnumerable<string> values) => new([.. values.Select(Text)]);

    /// <summary>Converts a string to a string scalar.</summary>
    public static implicit operator YamlNode(string value) => Text(value);
}

/// <summary>How a scalar is written.</summary>
internal enum YamlScalarKind
{
    /// <summary>A string: written plain when that reads back as the same string, otherwise quoted or as a block.</summary>
    Text,

    /// <summary>Written exactly as given (numbers, booleans).</summary>
    Plain,

    /// <summary>A one-line string, always quoted.</summary>
    Quoted,
}

/// <summary>A scalar value.</summary>
/// <param name="Value">The text.</param>
/// <param name="Kind">How it is written.</param>
internal sealed record YamlScalar(string Value, YamlScalarKind Kind) : YamlNode;

/// <summary>A sequence; written in flow style (<c>[a, b]</c>) when short and simple, else one item a line.</summary>
/// <param name="Items">The items.</param>
internal sealed record YamlSequence(ImmutableArray<YamlNode> Items) : YamlNode;

/// <summary>A map whose entries keep the order in which they were added. An empty map is written as a null value.</summary>
internal sealed record YamlMap : YamlNode
{
    private readonly List<KeyValuePair<string, YamlNode>> _entries = [];

    /// <summary>The entries in order.</summary>
    public IReadOnlyList<KeyValuePair<string, YamlNode>> Entries => _entries;

    /// <summary>Whether the map has no entries.</summary>
    public bool IsEmpty => _entries.Count == 0;

    /// <summary>Adds an entry; a key may appear once.</summary>
    public YamlMap Add(string key, YamlNode value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (_entries.Exists(e => e.Key == key))
        {
            throw new InvalidOperationException($"The key '{key}' is already in this map.");
        }

        _entries.Add(new(key, value));
        return this;
    }

    /// <summary>Adds an entry when the value is not null.</summary>
    public YamlMap AddIfPresent(string key, YamlNode? value) => value is null ? this : Add(key, value);

    /// <summary>Adds a map entry when the map has entries.</summary>
    public YamlMap AddIfNotEmpty(string key, YamlMap value) => value.IsEmpty ? this : Add(key, value);

    /// <summary>Adds a sequence entry when the sequence has items.</summary>
    public YamlMap AddIfNotEmpty(string key, YamlSequence value) => value.Items.IsEmpty ? this : Add(key, value);
}
