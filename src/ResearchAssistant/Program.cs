using ResearchAssistant;

try
{
    await using var app = ResearchAssistantApp.Create(args);
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (Configuration(e) is { } problem)
{
    // A bad document, prompt or setting is the operator's to fix: say what and where, not a stack trace into bin/.
    await Console.Error.WriteLineAsync($"ResearchAssistant cannot start: {problem.Message}");
    return 2;
}

static ResearchAssistantException? Configuration(Exception? e) => e switch
{
    null => null,
    ResearchAssistantException problem => problem,
    AggregateException { InnerExceptions.Count: 1 } aggregate => Configuration(aggregate.InnerExceptions[0]),
    _ => Configuration(e.InnerException),
};
