using System.Text.Json;

namespace Tollgate;

/// <summary>JSON settings for state files under .nuke/temp (readable, stable).</summary>
internal static class StateJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
