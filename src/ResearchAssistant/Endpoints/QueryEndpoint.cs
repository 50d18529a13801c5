using System.ClientModel;
using System.Text.Json;
using ResearchAssistant.Answering;

namespace ResearchAssistant.Endpoints;

/// <summary>POST /query: validates the question, answers it, and maps failures to problem details.</summary>
public static partial class QueryEndpoint
{
    public const int MaxQuestionLength = 2000;

    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost("/query", HandleAsync);

    private static async Task<IResult> HandleAsync(HttpContext context, ResearchService service, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!context.Request.HasJsonContentType())
        {
            return BadRequest("The request body must be JSON.", "Send Content-Type: application/json with a body like {\"question\": \"...\"}.");
        }

        QueryRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<QueryRequest>(context.Request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException ex)
        {
            return BadRequest("The request body is not valid JSON.", $"{ex.Message} Send a body like {{\"question\": \"...\"}}.");
        }

        var question = request?.Question?.Trim();
        if (string.IsNullOrEmpty(question))
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["question"] = ["The question is required and must not be empty."] },
                title: "The question is missing.");
        }

        if (question.Length > MaxQuestionLength)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["question"] = [$"The question has {question.Length} characters; the limit is {MaxQuestionLength}."] },
                title: "The question is too long.");
        }

        var logger = loggers.CreateLogger(typeof(QueryEndpoint).FullName!);
        try
        {
            var result = await service.AskAsync(question, cancellationToken);
            return Results.Ok(new QueryResponse(
                result.Answer.Text,
                result.Answer.Citations,
                result.Answer.Model,
                new UsageResponse(result.Answer.PromptTokens, result.Answer.CompletionTokens),
                Math.Round(result.Latency.TotalMilliseconds, 2),
                result.Retrieved.Select(p => new RetrievedResponse(p.Document.Id, Math.Round(p.Score, 4), p.Document.Body)).ToList()));
        }
        catch (ClientResultException ex)
        {
            LogModelFailure(logger, ex.Status, ex.GetType().Name);
            return ModelFailure($"The language model returned HTTP {ex.Status}.");
        }
        catch (HttpRequestException ex)
        {
            LogModelFailure(logger, 0, ex.GetType().Name);
            return ModelFailure("The language model could not be reached.");
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogModelFailure(logger, 0, ex.GetType().Name);
            return ModelFailure("The language model did not answer in time.");
        }
    }

    private static IResult BadRequest(string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    private static IResult ModelFailure(string detail) =>
        Results.Problem(title: "The answer could not be generated.", detail: detail, statusCode: StatusCodes.Status502BadGateway);

    // Only the status and exception type are logged: provider error bodies can echo request content.
    [LoggerMessage(Level = LogLevel.Error, Message = "Language model call failed: status {Status}, {ExceptionType}")]
    private static partial void LogModelFailure(ILogger logger, int status, string exceptionType);
}
