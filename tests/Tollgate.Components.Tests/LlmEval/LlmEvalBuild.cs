using Tollgate.Components.LlmEval;
using Tollgate.Components.Tests.TestSupport;

namespace Tollgate.Components.Tests.LlmEval;

/// <summary>A build that composes the LlmEval component, run through the real engine.</summary>
public class LlmEvalBuild : TollgateBuild, ILlmEval
{
    /// <summary>Runs <paramref name="build"/> in <paramref name="root"/> on the GitHub Actions host.</summary>
    public static Task<(int ExitCode, string Output, string StepSummary)> RunOnGitHubAsync(TollgateBuild build, string root, params string[] args) =>
        GitHubRun.RunAsync(build, root, args);

    /// <summary>Runs the LlmEval target of the mini suite with <paramref name="args"/> added.</summary>
    public static Task<(int ExitCode, string Output, string StepSummary)> RunSuiteAsync(string root, params string[] args) =>
        RunOnGitHubAsync(new LlmEvalBuild(), root, ["LlmEval", "--eval-suite", EvalCases.SuiteFile, .. args]);
}
