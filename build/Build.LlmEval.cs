using Tollgate;
using Tollgate.Components.LlmEval;

/// <summary>
/// What LlmEval evaluates in this repository: the ResearchAssistant service, started with dotnet run on a free port and
/// ready when /health answers. Its code, documents and prompts are the inputs whose fingerprint identifies a run.
/// </summary>
public sealed partial class Build
{
    LlmEvalServiceSettings ILlmEval.LlmEvalService => new()
    {
        SuitePath = "evals/research-assistant.yaml",
        Command = port => new CommandSpec("dotnet")
            .WithArguments("run", "--project", RootDirectory / "src" / "ResearchAssistant", "--urls", $"http://127.0.0.1:{port}")
            .WithWorkingDirectory(RootDirectory),
        ReadinessPath = "/health",
        Inputs = ["src/ResearchAssistant/**"],
    };
}
