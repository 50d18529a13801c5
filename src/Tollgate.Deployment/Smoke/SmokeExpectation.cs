using System.Text.Json;

namespace Tollgate.Deployment.Smoke;

/// <summary>Something a smoke check's response body must satisfy.</summary>
public abstract record SmokeExpectation
{
    /// <summary>What it checks, for the summary.</summary>
    public abstract string Description { get; }

    /// <summary>Null when the body satisfies it, else what was wrong.</summary>
    public abstract string? Check(string body);

    /// <summary>Reads a dotted JSON path (<c>status</c>, <c>usage.promptTokens</c>) or returns a problem.</summary>
    private protected static (JsonElement? Value, string? Problem) Read(string body, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var element = document.RootElement;
            foreach (var part in path.Split('.'))
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element))
                {
                    return (null, $"the response has no '{path}'");
                }
            }

            return (element.Clone(), null);
        }
        catch (JsonException exception)
        {
            return (null, $"the response is not JSON ({exception.Message.Split('.')[0]})");
        }
    }
}

/// <summary>A JSON field equals a string, e.g. <c>status</c> is <c>healthy</c>.</summary>
/// <param name="Path">The dotted path of the field.</param>
/// <param name="Value">The expected string.</param>
public sealed record JsonFieldEquals(string Path, string Value) : SmokeExpectation
{
    /// <inheritdoc />
    public override string Description => $"{Path} = \"{Value}\"";

    /// <inheritdoc />
    public override string? Check(string body)
    {
        var (value, problem) = Read(body, Path);
        if (problem is not null)
        {
            return problem;
        }

        var actual = value!.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : value.Value.GetRawText();
        return string.Equals(actual, Value, StringComparison.Ordinal) ? null : $"{Path} is \"{actual}\", expected \"{Value}\"";
    }
}

/// <summary>A JSON field is a non-empty string or a non-empty array, e.g. the answer's <c>citations</c>.</summary>
/// <param name="Path">The dotted path of the field.</param>
public sealed record JsonFieldNotEmpty(string Path) : SmokeExpectation
{
    /// <inheritdoc />
    public override string Description => $"{Path} is not empty";

    /// <inheritdoc />
    public override string? Check(string body)
    {
        var (value, problem) = Read(body, Path);
        if (problem is not null)
        {
            return problem;
        }

        var empty = value!.Value.ValueKind switch
        {
            JsonValueKind.String => string.IsNullOrWhiteSpace(value.Value.GetString()),
            JsonValueKind.Array => value.Value.GetArrayLength() == 0,
            JsonValueKind.Object => !value.Value.EnumerateObject().Any(),
            JsonValueKind.Null or JsonValueKind.Undefined => true,
            _ => false,
        };
        return empty ? $"{Path} is empty" : null;
    }
}

/// <summary>A Prometheus text exposition holds a named series (a sample line starting with the name).</summary>
/// <param name="Name">The series name, e.g. <c>research_assistant_requests_total</c>.</param>
public sealed record MetricSeriesPresent(string Name) : SmokeExpectation
{
    /// <inheritdoc />
    public override string Description => $"series {Name}";

    /// <inheritdoc />
    public override string? Check(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var found = body.Split('\n').Any(line =>
            line.StartsWith(Name, StringComparison.Ordinal) && line.Length > Name.Length && line[Name.Length] is '{' or ' ');
        return found ? null : $"no sample of the series {Name}";
    }
}
