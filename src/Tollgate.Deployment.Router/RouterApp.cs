using System.Globalization;
using Yarp.ReverseProxy.Configuration;

namespace Tollgate.Deployment.Router;

/// <summary>
/// The router: the public port proxies every request to the live upstream; the admin port serves the admin API and
/// <c>/preview/{name}/…</c>, which reaches one upstream whether live or not (smoke tests of a new release before the switch).
/// </summary>
public static class RouterApp
{
    /// <summary>Builds the app from arguments and the environment (ROUTER_PUBLIC_PORT, ROUTER_ADMIN_PORT).</summary>
    public static WebApplication Create(string[] args, RouterOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        options ??= new RouterOptions(Port(builder.Configuration["ROUTER_PUBLIC_PORT"], 8080), Port(builder.Configuration["ROUTER_ADMIN_PORT"], 8081));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (options.PublicPort != 0 || options.AdminPort != 0)
            {
                kestrel.ListenAnyIP(options.PublicPort);
                kestrel.ListenAnyIP(options.AdminPort);
            }
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new InMemoryConfigProvider([], []));
        builder.Services.AddSingleton<IProxyConfigProvider>(s => s.GetRequiredService<InMemoryConfigProvider>());
        builder.Services.AddSingleton<RouterTable>();
        builder.Services.AddSingleton<InFlightCounter>();
        builder.Services.AddReverseProxy();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, RouterJsonContext.Default));

        var app = builder.Build();
        app.Use((context, next) => SeparateListeners(context, next, app.Services.GetRequiredService<RouterOptions>()));
        AdminApi.Map(app);
        app.MapReverseProxy(proxy => proxy.Use(async (context, next) =>
        {
            var cluster = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
            using (context.RequestServices.GetRequiredService<InFlightCounter>().Enter(cluster))
            {
                await next().ConfigureAwait(false);
            }
        }));
        app.MapFallback(() => Results.Problem("No live upstream: the router has not been switched to a release yet.", statusCode: 503));
        return app;
    }

    // The admin API and previews only on the admin port; on the public port every path goes to the live upstream.
    private static Task SeparateListeners(HttpContext context, RequestDelegate next, RouterOptions options)
    {
        var path = context.Request.Path;
        var adminPath = path.StartsWithSegments(RouterOptions.AdminPrefix, StringComparison.Ordinal) || path.StartsWithSegments(RouterOptions.PreviewPrefix, StringComparison.Ordinal);
        var onAdminPort = context.Connection.LocalPort == options.AdminPort;
        if (adminPath != onAdminPort)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }

    private static int Port(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : fallback;
}
