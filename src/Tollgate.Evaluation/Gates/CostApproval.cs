using System.Text.Json;

namespace Tollgate.Evaluation;

/// <summary>Whether a cost increase is approved: by parameter, or by the PR label in the GitHub event file.</summary>
public static class CostApproval
{
    /// <summary>The pull-request label that approves a cost increase.</summary>
    public const string Label = "cost-increase-approved";

    /// <summary>
    /// True when <paramref name="parameter"/> is set or the event at <paramref name="gitHubEventPath"/>
    /// (<c>GITHUB_EVENT_PATH</c>) is a pull request labelled <see cref="Label"/>.
    /// </summary>
    public static bool IsApproved(bool parameter, string? gitHubEventPath)
    {
        if (parameter)
        {
            return true;
        }

        if (string.IsNullOrEmpty(gitHubEventPath) || !File.Exists(gitHubEventPath))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(gitHubEventPath));
            return document.RootElement.TryGetProperty("pull_request", out var pr)
                && pr.TryGetProperty("labels", out var labels)
                && labels.ValueKind == JsonValueKind.Array
                && labels.EnumerateArray().Any(l => l.TryGetProperty("name", out var name) && name.GetString() == Label);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
