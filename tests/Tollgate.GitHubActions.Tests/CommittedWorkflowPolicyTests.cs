using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Tollgate.GitHubActions.Tests;

/// <summary>
/// What this repository's committed workflows grant, read from the files GitHub runs: the token's permissions, the
/// secrets and the deployment environments of each job (least privilege per job, issue 15).
/// </summary>
public sealed partial class CommittedWorkflowPolicyTests
{
    private static readonly string Folder = Path.Combine(Tollgate.TestSupport.RepositoryRoot.Path, ".github", "workflows");

    public static TheoryData<string> Files => [.. Directory.GetFiles(Folder, "*.yml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_workflow_reads_contents_only_and_widens_nothing_but_what_a_job_uses(string file)
    {
        var root = Load(file);

        Map(root["permissions"]).Should().BeEquivalentTo(new Dictionary<string, string> { ["contents"] = "read" });
        foreach (var (job, definition) in Jobs(root))
        {
            var permissions = definition.Children.TryGetValue("permissions", out var node) ? Map(node) : new Dictionary<string, string> { ["contents"] = "read" };
            var widened = permissions.Where(p => p.Value == "write" || (p.Key, p.Value) is not (("contents" or "actions"), "read")).Select(p => $"{p.Key}: {p.Value}").ToList();
            widened.Should().BeSubsetOf(Allowed(file, job), $"{file} job {job} gets only what it uses");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Secrets_reach_only_the_jobs_that_use_them_and_never_the_whole_workflow(string file)
    {
        var root = Load(file);

        if (root.Children.TryGetValue("env", out var workflowEnv))
        {
            SecretNames(workflowEnv).Should().BeEmpty($"{file}: a workflow-level secret would reach every job");
        }

        foreach (var (job, definition) in Jobs(root))
        {
            var secrets = definition.Children.TryGetValue("env", out var env) ? SecretNames(env) : [];
            secrets.Should().BeSubsetOf(ExpectedSecrets(file, job), $"{file} job {job}");
        }
    }

    [Fact]
    public void The_deploy_jobs_run_in_their_environments_one_at_a_time_and_pull_the_image_by_digest_from_a_registry()
    {
        var main = Jobs(Load("main.yml"));
        var release = Jobs(Load("release.yml"));

        Environment(main["DeployStaging"]).Should().Be(("staging", "https://research-assistant.staging.example.com/"));
        Environment(release["BlueGreenProd"]).Should().Be(("production", "https://research-assistant.example.com/"));
        foreach (var (job, name) in new[] { (main["DeployStaging"], "staging"), (release["BlueGreenProd"], "production") })
        {
            var concurrency = (YamlMappingNode)job["concurrency"];
            concurrency["group"].ToString().Should().Be("deploy-" + name);
            concurrency["cancel-in-progress"].ToString().Should().Be("false", "a deployment is never cancelled half-way");
            Downloads(job).Should().Equal(["Build"], "a deploy job takes the digest (image.json), not the image archive");
        }

        foreach (var file in new[] { "main.yml", "release.yml" })
        {
            var env = (YamlMappingNode)Load(file)["env"];
            env["REGISTRY"].ToString().Should().Be("${{ vars.IMAGE_REGISTRY }}", $"{file} pushes where the cluster pulls");
        }

        Load("pull-request.yml").Children.Should().NotContainKey(new YamlScalarNode("REGISTRY"));
        Jobs(Load("pull-request.yml"))["Scan"].Should().Match<YamlMappingNode>(j => Downloads(j).SequenceEqual(new[] { "Build", "image-archive" }));
    }

    private static IEnumerable<string> Allowed(string file, string job) => (file, job) switch
    {
        ("main.yml" or "release.yml", "Build") => ["packages: write"],
        (_, "Scan" or "Lint") => ["security-events: write", "actions: read"],
        _ => [],
    };

    private static IEnumerable<string> ExpectedSecrets(string file, string job) => (file, job) switch
    {
        ("main.yml" or "release.yml", "Build") => ["GITHUB_TOKEN"],
        ("main.yml", "DeployStaging") => ["KUBECONFIG"],
        ("release.yml", "BlueGreenProd") => ["KUBECONFIG", "DEPLOYMENT_WEBHOOK"],
        ("release.yml", "PublishPackages") => ["NUGET_API_KEY"],
        ("nightly-eval.yml", "LlmEval") => ["OPENAI_API_KEY"],
        _ => [],
    };

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Folder, file)));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static Dictionary<string, YamlMappingNode> Jobs(YamlMappingNode root) =>
        ((YamlMappingNode)root["jobs"]).Children.ToDictionary(c => c.Key.ToString(), c => (YamlMappingNode)c.Value);

    private static Dictionary<string, string> Map(YamlNode node) =>
        ((YamlMappingNode)node).Children.ToDictionary(c => c.Key.ToString(), c => c.Value.ToString());

    private static List<string> SecretNames(YamlNode env) =>
        [.. ((YamlMappingNode)env).Children.SelectMany(c => SecretReference().Matches(c.Value.ToString()).Select(m => m.Groups[1].Value))];

    private static (string, string) Environment(YamlMappingNode job)
    {
        var environment = (YamlMappingNode)job["environment"];
        return (environment["name"].ToString(), environment["url"].ToString());
    }

    private static IEnumerable<string> Downloads(YamlMappingNode job) =>
        ((YamlSequenceNode)job["steps"]).Children.OfType<YamlMappingNode>()
            .Where(s => s.Children.TryGetValue("uses", out var uses) && uses.ToString().StartsWith("actions/download-artifact@", StringComparison.Ordinal))
            .Select(s => (YamlMappingNode)s["with"])
            .Select(w => w.Children.TryGetValue("name", out var name) ? name.ToString() : w["pattern"].ToString());

    [GeneratedRegex(@"\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex SecretReference();
}
