using System.Globalization;
using System.Text;

namespace Tollgate.GitHubActions.Harness;

/// <summary>
/// Evaluates the part of GitHub's expression language generated workflows use: literals, context properties, <c>!</c>,
/// <c>==</c>, <c>!=</c>, <c>&amp;&amp;</c>, <c>||</c> (returning an operand, as GitHub does), parentheses, and the functions
/// startsWith, endsWith, contains, hashFiles, success, failure, always and cancelled. String comparison ignores case, as
/// on GitHub. Anything else raises <see cref="UnsupportedExpressionException"/>.
/// </summary>
internal sealed class ExpressionEvaluator
{
    private readonly string _text;
    private readonly ExpressionContext _context;
    private int _position;

    private ExpressionEvaluator(string text, ExpressionContext context)
    {
        _text = text;
        _context = context;
    }

    /// <summary>Replaces every <c>${{ expression }}</c> in <paramref name="text"/> by its value.</summary>
    public static string Interpolate(string text, ExpressionContext context)
    {
        var result = new StringBuilder();
        var index = 0;
        while (true)
        {
            var start = text.IndexOf("${{", index, StringComparison.Ordinal);
            if (start < 0)
            {
                return result.Append(text, index, text.Length - index).ToString();
            }

            var end = text.IndexOf("}}", start + 3, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new UnsupportedExpressionException(text[start..], "no closing '}}'");
            }

            result.Append(text, index, start - index).Append(Text(Evaluate(text[(start + 3)..end], context)));
            index = end + 2;
        }
    }

    /// <summary>An <c>if:</c> condition: with or without <c>${{ }}</c>; an absent one means <c>success()</c>.</summary>
    public static bool Condition(string? condition, ExpressionContext context)
    {
        if (string.IsNullOrWhiteSpace(condition))
        {
            return context.Succeeded;
        }

        var trimmed = condition.Trim();
        if (trimmed.StartsWith("${{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal))
        {
            trimmed = trimmed[3..^2];
        }

        var usesStatus = trimmed.Contains("success()", StringComparison.Ordinal) || trimmed.Contains("failure()", StringComparison.Ordinal)
            || trimmed.Contains("always()", StringComparison.Ordinal) || trimmed.Contains("cancelled()", StringComparison.Ordinal);

        // As on GitHub, a condition without a status function is implicitly "success() && (...)".
        return (usesStatus || context.Succeeded) && Truthy(Evaluate(trimmed, context));
    }

    public static object? Evaluate(string expression, ExpressionContext context)
    {
        var evaluator = new ExpressionEvaluator(expression, context);
        var value = evaluator.Or();
        evaluator.SkipSpace();
        if (evaluator._position < expression.Length)
        {
            throw new UnsupportedExpressionException(expression, $"unexpected '{expression[evaluator._position..]}'");
        }

        return value;
    }

    public static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => true,
    };

    public static string Text(object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        double d => d.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private object? Or()
    {
        var left = And();
        while (Accept("||"))
        {
            var right = And();
            left = Truthy(left) ? left : right;
        }

        return left;
    }

    private object? And()
    {
        var left = Equality();
        while (Accept("&&"))
        {
            var right = Equality();
            left = Truthy(left) ? right : left;
        }

        return left;
    }

    private object? Equality()
    {
        var left = Unary();
        while (true)
        {
            if (Accept("=="))
            {
                left = AreEqual(left, Unary());
            }
            else if (Accept("!="))
            {
                left = !AreEqual(left, Unary());
            }
            else
            {
                return left;
            }
        }
    }

    private object? Unary() => Accept("!") ? !Truthy(Unary()) : Primary();

    private object? Primary()
    {
        SkipSpace();
        if (Accept("("))
        {
            var inner = Or();
            Expect(")");
            return inner;
        }

        if (Peek() == '\'')
        {
            return StringLiteral();
        }

        var word = Word();
        if (word.Length == 0)
        {
            throw Unsupported("expected a value");
        }

        if (double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        switch (word)
        {
            case "true": return true;
            case "false": return false;
            case "null": return null;
        }

        SkipSpace();
        if (Peek() == '(')
        {
            return Call(word);
        }

        return Property(word);
    }

    private object? Call(string function)
    {
        Expect("(");
        var arguments = new List<object?>();
        SkipSpace();
        if (!Accept(")"))
        {
            do
            {
                arguments.Add(Or());
            }
            while (Accept(","));
            Expect(")");
        }

        string Argument(int i) => i < arguments.Count ? Text(arguments[i]) : throw Unsupported($"{function} needs {i + 1} arguments");
        return function.ToLowerInvariant() switch
        {
            "success" => _context.Succeeded,
            "failure" => !_context.Succeeded,
            "always" => true,
            "cancelled" => false,
            "startswith" => Argument(0).StartsWith(Argument(1), StringComparison.OrdinalIgnoreCase),
            "endswith" => Argument(0).EndsWith(Argument(1), StringComparison.OrdinalIgnoreCase),
            "contains" => Argument(0).Contains(Argument(1), StringComparison.OrdinalIgnoreCase),
            "hashfiles" => HashFiles(arguments.Select(Text)),
            _ => throw Unsupported($"the function {function}() is not emulated"),
        };
    }

    // Not GitHub's hash, but the same contract: empty when nothing matches, a stable text otherwise.
    private string HashFiles(IEnumerable<string> patterns)
    {
        if (_context.Workspace is null)
        {
            return string.Empty;
        }

        var files = PathGlob.Match(_context.Workspace, [.. patterns]);
        return files.Count == 0 ? string.Empty : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', files)))).ToLowerInvariant();
    }

    private string? Property(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var context = dot < 0 ? path : path[..dot];
        var name = dot < 0 ? string.Empty : path[(dot + 1)..];
        switch (context)
        {
            case "secrets":
                if (_context.Secrets.TryGetValue(name, out var secret))
                {
                    return secret;
                }

                _context.MissingSecrets.Add(name);
                return string.Empty;
            case "inputs":
                return _context.Inputs.GetValueOrDefault(name);
            case "vars":
                // As on GitHub, a configuration variable that is not set reads as an empty string.
                return _context.Vars.GetValueOrDefault(name, string.Empty);
            case "matrix":
                return _context.Matrix.TryGetValue(name, out var value) ? value : throw Unsupported($"the matrix has no '{name}'");
            case "env":
                return _context.Env.GetValueOrDefault(name);
            case "runner" when name == "os":
                return "Linux";
            case "github" when _context.GitHub.TryGetValue(name, out var github):
                return github;
            default:
                throw Unsupported($"the context '{path}' is not emulated");
        }
    }

    private string StringLiteral()
    {
        var result = new StringBuilder();
        _position++;
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c != '\'')
            {
                result.Append(c);
            }
            else if (Peek() == '\'')
            {
                result.Append('\'');
                _position++;
            }
            else
            {
                return result.ToString();
            }
        }

        throw Unsupported("an unterminated string");
    }

    private string Word()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '_' or '-' or '.'))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private bool Accept(string token)
    {
        SkipSpace();
        if (string.CompareOrdinal(_text, _position, token, 0, token.Length) != 0)
        {
            return false;
        }

        // '!' must not swallow the '!' of '!='.
        if (token == "!" && Peek(1) == '=')
        {
            return false;
        }

        _position += token.Length;
        return true;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw Unsupported($"expected '{token}'");
        }
    }

    private void SkipSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private char Peek(int offset = 0) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private UnsupportedExpressionException Unsupported(string reason) => new(_text.Trim(), reason);

    private static bool AreEqual(object? left, object? right) => (left, right) switch
    {
        (string l, string r) => string.Equals(l, r, StringComparison.OrdinalIgnoreCase),
        (null, null) => true,
        (bool l, bool r) => l == r,
        (double l, double r) => l.Equals(r),
        _ => string.Equals(Text(left), Text(right), StringComparison.OrdinalIgnoreCase),
    };
}
