namespace Tollgate.Security.Dockerfiles;

/// <summary>One logical Dockerfile instruction (continuation lines joined), with the line it starts on.</summary>
/// <param name="Keyword">The instruction in upper case (<c>FROM</c>, <c>RUN</c>, ...).</param>
/// <param name="Arguments">Everything after the keyword, continuation lines joined with spaces.</param>
/// <param name="Line">The 1-based line of the keyword.</param>
internal sealed record DockerfileInstruction(string Keyword, string Arguments, int Line)
{
    /// <summary>Splits a Dockerfile into instructions, skipping comments and blank lines.</summary>
    public static IReadOnlyList<DockerfileInstruction> Read(string text)
    {
        var instructions = new List<DockerfileInstruction>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? current = null;
        var startLine = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current is null))
            {
                continue;
            }

            var continues = line.EndsWith('\\');
            var content = continues ? line[..^1].TrimEnd() : line;
            if (current is null)
            {
                current = content;
                startLine = i + 1;
            }
            else
            {
                current = current + " " + content;
            }

            if (!continues)
            {
                Add(current, startLine);
                current = null;
            }
        }

        if (current is not null)
        {
            Add(current, startLine);
        }

        return instructions;

        void Add(string logical, int line)
        {
            var space = logical.IndexOfAny([' ', '\t']);
            var keyword = (space < 0 ? logical : logical[..space]).ToUpperInvariant();
            var arguments = space < 0 ? string.Empty : logical[(space + 1)..].Trim();
            instructions.Add(new DockerfileInstruction(keyword, arguments, line));
        }
    }

    /// <summary>
    /// The name/value pairs of an <c>ENV</c> or <c>ARG</c>: <c>NAME=value NAME2="v 2"</c>, or the legacy
    /// <c>ENV NAME value</c>; an <c>ARG NAME</c> without a default has an empty value.
    /// </summary>
    public IEnumerable<(string Name, string Value)> KeyValues()
    {
        var arguments = Arguments.Trim();
        if (arguments.Length == 0)
        {
            yield break;
        }

        var firstSpace = arguments.IndexOfAny([' ', '\t']);
        var firstWord = firstSpace < 0 ? arguments : arguments[..firstSpace];
        if (!firstWord.Contains('=', StringComparison.Ordinal))
        {
            // Legacy form: ENV NAME the rest is the value; ARG NAME has no value.
            yield return (firstWord, firstSpace < 0 ? string.Empty : arguments[(firstSpace + 1)..].Trim());
            yield break;
        }

        foreach (var token in Tokenize(arguments))
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            yield return equals < 0 ? (token, string.Empty) : (token[..equals], token[(equals + 1)..].Trim('"', '\''));
        }
    }

    private static IEnumerable<string> Tokenize(string text)
    {
        var token = new System.Text.StringBuilder();
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is not null)
            {
                token.Append(c);
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                token.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (token.Length > 0)
                {
                    yield return token.ToString();
                    token.Clear();
                }
            }
            else
            {
                token.Append(c);
            }
        }

        if (token.Length > 0)
        {
            yield return token.ToString();
        }
    }
}
