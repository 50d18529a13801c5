using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Tollgate.Deployment.Kubernetes;

/// <summary>One revision of a helm release, from <c>helm history --output json</c>.</summary>
/// <param name="Revision">The revision number.</param>
/// <param name="Status">deployed, superseded, failed, pending-install, pending-upgrade, pending-rollback, uninstalling...</param>
/// <param name="Updated">When it last changed.</param>
/// <param name="Description">helm's description ("Upgrade complete", "Rollback to 3"...).</param>
internal sealed record HelmRevision(int Revision, string Status, DateTimeOffset? Updated, string Description)
{
    /// <summary>Whether an interrupted helm run left it (helm issue 7476: the next upgrade refuses to start).</summary>
    public bool IsPending => Status.StartsWith("pending-", StringComparison.Ordinal);

    /// <summary>Whether it once served successfully (a rollback target).</summary>
    public bool IsGood => Status is "deployed" or "superseded";

    /// <summary>Parses <c>helm history --output json</c>; the revisions in ascending order.</summary>
    /// <exception cref="DeploymentException">The text is not helm's history JSON.</exception>
    public static ImmutableArray<HelmRevision> ParseHistory(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new DeploymentException($"helm history printed JSON that is not a list: {Clip(json)}");
            }

            return [.. document.RootElement.EnumerateArray().Select(Parse).OrderBy(r => r.Revision)];
        }
        catch (JsonException exception)
        {
            throw new DeploymentException($"helm history printed something that is not JSON ({exception.Message}): {Clip(json)}", exception);
        }
    }

    private static HelmRevision Parse(JsonElement element)
    {
        var revision = element.TryGetProperty("revision", out var r) && r.TryGetInt32(out var number) ? number
            : throw new DeploymentException($"A helm history entry has no revision number: {Clip(element.GetRawText())}");
        var status = element.TryGetProperty("status", out var s) ? s.GetString() ?? string.Empty : string.Empty;
        DateTimeOffset? updated = element.TryGetProperty("updated", out var u) && u.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(u.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
        var description = element.TryGetProperty("description", out var d) ? d.GetString() ?? string.Empty : string.Empty;
        return new HelmRevision(revision, status, updated, description);
    }

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
