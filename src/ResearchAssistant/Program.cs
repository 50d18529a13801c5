using ResearchAssistant;

await using var app = ResearchAssistantApp.Create(args);
await app.RunAsync();
