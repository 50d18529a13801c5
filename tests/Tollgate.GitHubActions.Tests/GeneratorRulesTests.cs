using Tollgate.GitHubActions.Tests.TestSupport;
using YamlDotNet.RepresentationModel;
using static Tollgate.GitHubActions.Tests.TestSupport.Specs;

namespace Tollgate.GitHubActions.Tests;

public sealed class GeneratorRulesTests
{
    private static readonly IReadOnlyList<ParameterDescriptor> Parameters = SampleParameters.Descriptors;

    [Fact]
    public void Triggered_targets_and_their_dependencies_get_jobs_that_wait_for_the_trigger()
    {
        var graph = Graph(
            Target("Sign").Annotated(new HandsOverNothing()),
            Target("Pack") with { Triggers = ["Publish"] },
            Target("Publish", "Sign"));

        var jobs = Jobs(new GitHubWorkflow("ci", "Pack").OnPushToBranches("main"), graph);

        jobs.Keys.Should().Equal("Sign", "Pack", "Publish");
        Needs(jobs["Publish"]).Should().Equal("Sign", "Pack");
    }

    [Fact]
    public void A_target_without_actions_gets_no_job_and_its_dependents_wait_for_its_dependencies()
    {
        var graph = Graph(
            Target("Compile").Annotated(new HandsOverNothing()),
            Target("Lint").Annotated(new HandsOverNothing()),
            new TargetSpec { Name = "Checks", DependsOn = ["Compile", "Lint"] },
            Target("Pack", "Checks"));

        var jobs = Jobs(new GitHubWorkflow("ci", "Pack").OnPushToBranches("main"), graph);

        jobs.Keys.Should().Equal("Compile", "Lint", "Pack");
        Needs(jobs["Pack"]).Should().Equal("Compile", "Lint");
    }

    [Fact]
    public void Ordering_only_edges_become_needs_only_when_both_jobs_exist()
    {
        var graph = Graph(Target("Lint"), Target("Clean"), Target("Test") with { After = ["Lint", "Clean"] });

        Needs(Jobs(new GitHubWorkflow("ci", "Test", "Lint").OnPullRequest(), graph)["Test"]).Should().Equal("Lint");
        Jobs(new GitHubWorkflow("ci", "Test").OnPullRequest(), graph).Keys.Should().Equal("Test");
    }

    [Fact]
    public void Secrets_reach_only_the_jobs_whose_targets_use_them_and_the_file_never_holds_a_value()
    {
        var graph = Graph(Target("Compile").Annotated(new HandsOverNothing()), Target("Eval", "Compile").Using("OpenAiApiKey", "LlmEvalSuite"));

        var jobs = Jobs(new GitHubWorkflow("ci", "Eval").OnPullRequest(), graph);

        jobs["Compile"].Children.Should().NotContainKey(new YamlScalarNode("env"));
        ((YamlMappingNode)jobs["Eval"]["env"]).Children.Should().ContainSingle()
            .Which.Should().Be(new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode("OPEN_AI_API_KEY"), new YamlScalarNode("${{ secrets.OPEN_AI_API_KEY }}")));
    }

    [Fact]
    public void A_workflow_that_withholds_a_secret_never_references_it_while_another_workflow_passes_it()
    {
        var graph = Graph(Target("Compile").Annotated(new HandsOverNothing()), Target("Eval", "Compile").Using("OpenAiApiKey", "LlmEvalSuite"));

        var replay = Jobs(new GitHubWorkflow("pull-request", "Eval").OnPullRequest().WithoutSecrets("OpenAiApiKey"), graph);
        var nightly = Jobs(new GitHubWorkflow("nightly", "Eval").OnSchedule("0 3 * * *"), graph);

        replay["Eval"].Children.Should().NotContainKey(new YamlScalarNode("env"), "a replaying workflow must not reference the model key");
        ((YamlMappingNode)nightly["Eval"]["env"]).Children.Should().ContainKey(new YamlScalarNode("OPEN_AI_API_KEY"));
    }

    [Fact]
    public void A_job_that_pushes_keeps_its_checkout_credentials_and_others_drop_them()
    {
        var graph = Graph(Target("Compile").Annotated(new HandsOverNothing()), Target("Tag", "Compile").Annotated(new JobPermissions([TokenAccess.ContentsWrite])));

        var yaml = WorkflowGenerator.Generate(graph, Parameters, new GitHubWorkflow("ci", "Tag").OnPushToBranches("main").WithRunner("windows-latest", "Tag"));

        yaml.Should().Contain("  Tag:\n    needs: [Compile]\n    runs-on: windows-latest\n    permissions:\n      contents: write\n    steps:\n      - name: Check out\n        uses: actions/checkout@v4\n      - name: Set up .NET");
        yaml.Should().Contain("  Compile:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Check out\n        uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n");
    }

    [Fact]
    public void A_workflow_widens_a_jobs_permissions_for_itself_only()
    {
        var graph = Graph(Target("Test"), Target("Image").Annotated(new HandsOverNothing()), Target("Deploy", "Image"));
        var push = new GitHubWorkflow("main", "Test", "Deploy").OnPushToBranches("main").WithJobPermissions("Image", TokenAccess.PackagesWrite);
        var pullRequest = new GitHubWorkflow("pr", "Test", "Deploy").OnPullRequest();

        var pushed = WorkflowGenerator.Generate(graph, Parameters, push);
        var checkedOnly = WorkflowGenerator.Generate(graph, Parameters, pullRequest);

        pushed.Should().Contain("  Image:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n      packages: write\n    steps:");
        pushed.Split("packages: write").Should().HaveCount(2, "only the Image job pushes");
        checkedOnly.Should().NotContain("packages: write");
    }

    [Fact]
    public void Explicit_concurrency_replaces_the_default()
    {
        var yaml = WorkflowGenerator.Generate(Graph(Target("A")), Parameters, new GitHubWorkflow("ci", "A").OnPullRequest().WithConcurrency("release", cancelInProgress: false));

        yaml.Should().Contain("concurrency:\n  group: release\n  cancel-in-progress: false\n");
    }

    public static TheoryData<string, Func<string>> Mistakes { get; } = new()
    {
        {
            "consumes the artifacts of 'Compile', which this workflow does not run. Add DependsOn(Compile) to 'Test' or invoke 'Compile'",
            () => Generate(Graph(Target("Compile").Producing("bin/**"), Target("Test").Consuming("Compile")), new GitHubWorkflow("ci", "Test").OnPullRequest())
        },
        {
            "There is no target named 'Tset'. Did you mean 'Test'?",
            () => Generate(Graph(Target("Test")), new GitHubWorkflow("ci", "Tset").OnPullRequest())
        },
        {
            "Workflow 'ci' has no triggers, so it would never run.",
            () => Generate(Graph(Target("Test")), new GitHubWorkflow("ci", "Test"))
        },
        {
            "input 'key' sets the parameter 'ApiKey', which the build does not declare. Declare it with [Parameter] or use one of: TargetBranch,",
            () => Generate(Graph(Target("Test")), new GitHubWorkflow("ci", "Test").OnWorkflowDispatch(new StringInput("key", "ApiKey")))
        },
        {
            "the secret parameter 'OpenAiApiKey' would be set from a value written in the workflow or typed into a form.",
            () => Generate(Graph(Target("Test")), new GitHubWorkflow("ci", "Test").OnWorkflowDispatch(new StringInput("key", "OpenAiApiKey")))
        },
        {
            "choice input 'suite' defaults to 'huge', which is not one of its options.",
            () => Generate(Graph(Target("Test")), new GitHubWorkflow("ci", "Test").OnWorkflowDispatch(new ChoiceInput("suite", "LlmEvalSuite", ["smoke", "full"]) { Default = "huge" }))
        },
        {
            "the jobs Compile -> Package wait for each other because of SharesJobWith.",
            () => Generate(
                Graph(Target("Compile"), Target("Package", "Compile").Annotated(new HandsOverNothing()), Target("Publish", "Package").Annotated(new SharedJob("Compile"))),
                new GitHubWorkflow("ci", "Publish").OnPushToBranches("main"))
        },
        {
            "Job 'Deploy' runs targets with different RunsIf conditions",
            () => Generate(
                Graph(Target("Deploy").Annotated(new JobCondition("github.ref == 'refs/heads/main'")), Target("Smoke", "Deploy").Annotated(new SharedJob("Deploy"), new JobCondition("success()"))),
                new GitHubWorkflow("ci", "Smoke").OnPushToBranches("main"))
        },
        {
            "Workflow 'ci' widens the permissions of 'Publish' (WithJobPermissions), which runs in none of its jobs. Name a target of the workflow's plan, or remove the call.",
            () => Generate(Graph(Target("Test"), Target("Publish")), new GitHubWorkflow("ci", "Test").OnPullRequest().WithJobPermissions("Publish", TokenAccess.PackagesWrite))
        },
        {
            "Workflow 'ci' invokes only targets without actions (Default), so it would have no jobs.",
            () => Generate(Graph(new TargetSpec { Name = "Default" }), new GitHubWorkflow("ci", "Default").OnPullRequest())
        },
        {
            "Target 'build-it': CI runs targets by name in a shell; use letters, digits and '_'.",
            () => Generate(Graph(Target("build-it")), new GitHubWorkflow("ci", "build-it").OnPullRequest())
        },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_declaration_that_does_not_fit_the_graph_fails_with_a_message_that_names_the_fix(string expected, Func<string> generate) =>
        generate.Should().Throw<TollgateException>().Which.Message.Should().Contain(expected);

    private static string Generate(TargetGraph graph, GitHubWorkflow workflow) => WorkflowGenerator.Generate(graph, Parameters, workflow);

    private static Dictionary<string, YamlMappingNode> Jobs(GitHubWorkflow workflow, TargetGraph graph)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(WorkflowGenerator.Generate(graph, Parameters, workflow)));
        var jobs = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["jobs"];
        return jobs.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => (YamlMappingNode)c.Value);
    }

    private static IEnumerable<string> Needs(YamlMappingNode job) =>
        job.Children.TryGetValue(new YamlScalarNode("needs"), out var needs) ? ((YamlSequenceNode)needs).Children.Select(n => ((YamlScalarNode)n).Value!) : [];
}
