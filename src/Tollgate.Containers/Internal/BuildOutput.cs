using System.Text.Json;
using System.Text.RegularExpressions;
using Docker.DotNet.Models;

namespace Tollgate.Containers.Internal;

/// <summary>
/// Reads the classic builder's JSON stream as it arrives: step lines into the log (other output at debug), the image
/// id (<c>aux.ID</c> or "Successfully built"), the FROM images, and the first error with the step it happened in.
/// Reported synchronously, so lines keep their order.
/// </summary>
internal sealed partial class BuildOutput(IBuildLog log, IReadOnlyDictionary<string, string> buildArgs) : IProgress<JSONMessage>
{
    private readonly Dictionary<string, string> _argDefaults = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stages = new(StringComparer.OrdinalIgnoreCase);
    private const int TailLines = 30;
    private readonly Queue<string> _tail = new();
    private readonly List<string> _baseImages = [];
    private string _pending = string.Empty;

    public string? ImageId { get; private set; }

    public string? CurrentStep { get; private set; }

    public string? Error { get; private set; }

    public string? ErrorStep { get; private set; }

    public IReadOnlyList<string> BaseImages => _baseImages;

    public IReadOnlyList<string> Tail => [.. _tail];

    public void Report(JSONMessage value)
    {
        if (value.Aux is { } aux && JsonSerializer.SerializeToElement(aux) is { ValueKind: JsonValueKind.Object } element
            && element.TryGetProperty("ID", out var id) && id.ValueKind == JsonValueKind.String)
        {
            ImageId = id.GetString();
        }

        var error = value.Error?.Message is { Length: > 0 } detail ? detail : null;
        if (error is not null && Error is null)
        {
            Flush();
            Error = error.Trim();
            ErrorStep = CurrentStep;
            log.Error($"  {Error}");
            return;
        }

        if (!string.IsNullOrEmpty(value.Stream))
        {
            _pending += value.Stream;
            var newline = _pending.LastIndexOf('\n');
            if (newline >= 0)
            {
                foreach (var line in _pending[..newline].Split('\n'))
                {
                    Line(line.TrimEnd('\r'));
                }

                _pending = _pending[(newline + 1)..];
            }
        }
        else if (!string.IsNullOrEmpty(value.Status))
        {
            // Pull progress of a FROM image.
            log.Debug($"  {(string.IsNullOrEmpty(value.ID) ? string.Empty : value.ID + ": ")}{value.Status}");
        }
    }

    /// <summary>Writes a last line that did not end with a newline.</summary>
    public void Flush()
    {
        if (_pending.Length > 0)
        {
            Line(_pending.TrimEnd('\r'));
            _pending = string.Empty;
        }
    }

    private void Line(string line)
    {
        if (line.Length == 0)
        {
            return;
        }

        _tail.Enqueue(line);
        if (_tail.Count > TailLines)
        {
            _tail.Dequeue();
        }

        if (StepPattern().Match(line) is { Success: true } step)
        {
            CurrentStep = line.Trim();
            log.Information($"  {CurrentStep}");
            var instruction = step.Groups["instruction"].Value;
            var argument = step.Groups["argument"].Value;
            if (instruction.Equals("ARG", StringComparison.OrdinalIgnoreCase) && argument.Split('=', 2) is [var name, var value])
            {
                _argDefaults.TryAdd(name.Trim(), value.Trim().Trim('"'));
            }
            else if (instruction.Equals("FROM", StringComparison.OrdinalIgnoreCase))
            {
                // The daemon prints FROM as written: ${SDK_IMAGE} is resolved from the build arguments and ARG defaults.
                var words = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var image = VariablePattern().Replace(words[0], m =>
                {
                    var variable = m.Groups["braced"].Success ? m.Groups["braced"].Value : m.Groups["plain"].Value;
                    return buildArgs.TryGetValue(variable, out var given) ? given : _argDefaults.TryGetValue(variable, out var fallback) ? fallback : string.Empty;
                });
                if (!_stages.Contains(image))
                {
                    _baseImages.Add(image);
                }

                if (words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase))
                {
                    _stages.Add(words[2]);
                }
            }
        }
        else if (BuiltPattern().Match(line) is { Success: true } built)
        {
            ImageId ??= built.Groups["id"].Value;
            log.Debug($"  {line}");
        }
        else
        {
            log.Debug($"  {line}");
        }
    }

    [GeneratedRegex(@"^Step \d+/\d+ : (?<instruction>\w+)\s*(?<argument>.*)$")]
    private static partial Regex StepPattern();

    [GeneratedRegex(@"\$(?:\{(?<braced>\w+)\}|(?<plain>\w+))")]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"^Successfully built (?<id>[0-9a-f]+)\s*$")]
    private static partial Regex BuiltPattern();
}
