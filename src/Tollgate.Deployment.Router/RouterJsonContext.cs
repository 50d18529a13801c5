using System.Text.Json.Serialization;

namespace Tollgate.Deployment.Router;

/// <summary>Source-generated JSON for the admin API (the slim builder has no reflection-based defaults for trimming).</summary>
[JsonSerializable(typeof(UpstreamRequest))]
[JsonSerializable(typeof(LiveRequest))]
[JsonSerializable(typeof(RouterState))]
internal sealed partial class RouterJsonContext : JsonSerializerContext;
