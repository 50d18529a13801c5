namespace Tollgate.Deployment.Router;

/// <summary>The router's two listeners: the public one serves the live upstream, the admin one the API and previews.</summary>
/// <param name="PublicPort">The port the environment's traffic arrives on (ROUTER_PUBLIC_PORT, default 8080).</param>
/// <param name="AdminPort">The admin API's port (ROUTER_ADMIN_PORT, default 8081); publish it on 127.0.0.1 only.</param>
public sealed record RouterOptions(int PublicPort, int AdminPort)
{
    /// <summary>The path prefix of the admin API.</summary>
    public const string AdminPrefix = "/admin";

    /// <summary>The path prefix that reaches one named upstream, live or not: <c>/preview/{name}/health</c>.</summary>
    public const string PreviewPrefix = "/preview";
}
