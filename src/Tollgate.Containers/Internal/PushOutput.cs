using System.Text.Json;
using System.Text.RegularExpressions;
using Docker.DotNet.Models;

namespace Tollgate.Containers.Internal;

/// <summary>Reads a push or pull stream: layer progress at debug, the digest, and the first error (sent inside a 200 response).</summary>
internal sealed partial class PushOutput(IBuildLog log) : IProgress<JSONMessage>
{
    public string? Digest { get; private set; }

    public long Size { get; private set; }

    public string? Error { get; private set; }

    public void Report(JSONMessage value)
    {
        if (value.Error?.Message is { Length: > 0 } error)
        {
            Error ??= error.Trim();
            return;
        }

        if (value.Aux is { } aux && JsonSerializer.SerializeToElement(aux) is { ValueKind: JsonValueKind.Object } element
            && element.TryGetProperty(nameof(Digest), out var digest) && digest.ValueKind == JsonValueKind.String)
        {
            Digest = digest.GetString();
            Size = element.TryGetProperty(nameof(Size), out var size) && size.ValueKind == JsonValueKind.Number ? size.GetInt64() : Size;
        }

        if (string.IsNullOrEmpty(value.Status))
        {
            return;
        }

        if (DigestPattern().Match(value.Status) is { Success: true } match)
        {
            Digest ??= match.Groups["digest"].Value;
            log.Information($"  {value.Status}");
        }
        else if (value.Progress is null)
        {
            log.Debug($"  {(string.IsNullOrEmpty(value.ID) ? string.Empty : value.ID + ": ")}{value.Status}");
        }
    }

    public static bool IsAuthenticationFailure(string message) =>
        message.Contains("unauthorized", StringComparison.OrdinalIgnoreCase)
        || message.Contains("authentication required", StringComparison.OrdinalIgnoreCase)
        || message.Contains("no basic auth credentials", StringComparison.OrdinalIgnoreCase)
        || message.Contains("denied", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"digest: (?<digest>sha256:[0-9a-f]{64})")]
    private static partial Regex DigestPattern();
}
