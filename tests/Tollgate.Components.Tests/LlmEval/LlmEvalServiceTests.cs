using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tollgate.Components.LlmEval;

namespace Tollgate.Components.Tests.LlmEval;

/// <summary>
/// The service-start path: with no provider URL the component starts <see cref="ILlmEval.LlmEvalServiceCommand"/> on a
/// free port, waits for its "Now listening on" line, evaluates it and stops it. The service here is a small Python
/// HTTP server speaking the ResearchAssistant protocol (starting the real one with dotnet run takes too long for a test).
/// </summary>
public sealed partial class LlmEvalServiceTests : IDisposable
{
    private const string ServerScript = """
        import json, sys
        from http.server import BaseHTTPRequestHandler, HTTPServer

        port, answers = int(sys.argv[1]), json.load(open(sys.argv[2]))

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                question = json.loads(self.rfile.read(int(self.headers["Content-Length"])))["question"]
                known = answers.get(question, {"answer": "I do not know.", "doc": "doc-999"})
                body = json.dumps({"answer": known["answer"], "citations": [known["doc"]], "model": "gpt-4o-mini",
                                   "usage": {"promptTokens": 400, "completionTokens": 40}, "latencyMs": 2,
                                   "retrieved": [{"id": known["doc"], "score": 0.9}]}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        server = HTTPServer(("127.0.0.1", port), Handler)
        print(f"Now listening on: http://127.0.0.1:{port}", flush=True)
        server.serve_forever()
        """;

    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [RequiresToolFact("python3")]
    public async Task Without_a_provider_url_the_service_is_started_on_a_free_port_evaluated_and_stopped()
    {
        EvalCases.Write(_root);
        var script = _root.Write("service/server.py", ServerScript);
        var answers = _root.Write("service/answers.json", JsonSerializer.Serialize(
            EvalCases.All.ToDictionary(c => c.Question, c => new { answer = $"It is {c.Keyword}.", doc = c.DocumentId })));
        var build = new ServiceBuild(port => new CommandSpec("python3").WithArguments(script, port.ToString(CultureInfo.InvariantCulture), answers));

        var (exitCode, output, _) = await LlmEvalBuild.RunOnGitHubAsync(build, _root.Path, "LlmEval", "--eval-suite", EvalCases.SuiteFile);

        exitCode.Should().Be(0, output);
        output.Should().Contain("5/5 cases passed");
        var port = int.Parse(StartingOnPort().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        using var client = new TcpClient();
        var connect = async () => await client.ConnectAsync("127.0.0.1", port);
        await connect.Should().ThrowAsync<SocketException>("the service is stopped when the target ends");
    }

    [Fact]
    public async Task A_service_that_exits_before_listening_fails_the_target_with_its_output()
    {
        EvalCases.Write(_root);
        var build = new ServiceBuild(_ => new CommandSpec("sh").WithArguments("-c", "echo 'address already in use' >&2; exit 3"));

        var (exitCode, output, _) = await LlmEvalBuild.RunOnGitHubAsync(build, _root.Path, "LlmEval", "--eval-suite", EvalCases.SuiteFile);

        exitCode.Should().Be(1);
        output.Should().Contain("Starting the system under test on port").And.Contain("address already in use");
    }

    [GeneratedRegex(@"Starting the system under test on port (\d+)")]
    private static partial Regex StartingOnPort();

    /// <summary>A build whose system under test is started by <paramref name="command"/>.</summary>
    private sealed class ServiceBuild(Func<int, CommandSpec> command) : LlmEvalBuild, ILlmEval
    {
        public CommandSpec LlmEvalServiceCommand(int port) => command(port);
    }
}
