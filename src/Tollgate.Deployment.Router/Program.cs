using Tollgate.Deployment.Router;

await using var app = RouterApp.Create(args);
await app.RunAsync();
