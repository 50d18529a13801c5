using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tollgate.GitHubActions.Harness;

/// <summary>Reads a workflow file into a <see cref="WorkflowModel"/>; a file it cannot read is an error naming the file and line.</summary>
internal static class WorkflowReader
{
    public static WorkflowModel Read(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException exception)
        {
            throw new TollgateException($"{path}:{exception.Start.Line}: not valid YAML ({exception.Message}).");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new TollgateException($"{path}: expected a workflow (a map with 'jobs:').");
        }

        if (Child(root, "jobs") is not YamlMappingNode jobs)
        {
            throw new TollgateException($"{path}: the workflow has no 'jobs:' map.");
        }

        return new WorkflowModel(
            Scalar(root, "name") ?? Path.GetFileNameWithoutExtension(path),
            Pairs(Child(root, "env")),
            [.. jobs.Children.Select(entry => Job(path, ((YamlScalarNode)entry.Key).Value!, entry.Value))]);
    }

    private static JobModel Job(string path, string id, YamlNode node)
    {
        if (node is not YamlMappingNode job)
        {
            throw new TollgateException($"{path}:{node.Start.Line}: job '{id}' is not a map.");
        }

        var environment = Child(job, "environment");
        var strategy = Child(job, "strategy") as YamlMappingNode;
        return new JobModel(id)
        {
            Needs = Strings(Child(job, "needs")),
            If = Scalar(job, "if"),
            RunsOn = Scalar(job, "runs-on") ?? "ubuntu-latest",
            Environment = environment is YamlScalarNode name ? name.Value : environment is YamlMappingNode map ? Scalar(map, "name") : null,
            EnvironmentUrl = environment is YamlMappingNode withUrl ? Scalar(withUrl, "url") : null,
            TimeoutMinutes = int.TryParse(Scalar(job, "timeout-minutes"), out var minutes) ? minutes : null,
            Env = Pairs(Child(job, "env")),
            Matrix = strategy is not null && Child(strategy, "matrix") is YamlMappingNode matrix
                ? [.. matrix.Children.Select(d => KeyValuePair.Create(((YamlScalarNode)d.Key).Value!, Strings(d.Value)))]
                : [],
            Steps = Child(job, "steps") is YamlSequenceNode steps ? [.. steps.Children.OfType<YamlMappingNode>().Select((s, i) => Step(s, i))] : [],
        };
    }

    private static StepModel Step(YamlMappingNode step, int index) =>
        new(Scalar(step, "name") ?? Scalar(step, "uses") ?? (Scalar(step, "run") is { } run ? "Run " + run.Split('\n')[0] : $"step {index + 1}"))
        {
            Uses = Scalar(step, "uses"),
            Run = Scalar(step, "run"),
            If = Scalar(step, "if"),
            ContinueOnError = Scalar(step, "continue-on-error") == "true",
            With = Pairs(Child(step, "with")),
            Env = Pairs(Child(step, "env")),
        };

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    private static ImmutableArray<string> Strings(YamlNode? node) => node switch
    {
        YamlScalarNode scalar when scalar.Value is not null => [scalar.Value],
        YamlSequenceNode sequence => [.. sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty)],
        _ => [],
    };

    private static ImmutableArray<KeyValuePair<string, string>> Pairs(YamlNode? node) =>
        node is YamlMappingNode map
            ? [.. map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, (p.Value as YamlScalarNode)?.Value ?? string.Empty))]
            : [];
}
