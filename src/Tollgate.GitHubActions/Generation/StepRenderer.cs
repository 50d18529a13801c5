using Tollgate.GitHubActions.Yaml;

namespace Tollgate.GitHubActions;

/// <summary>
/// The steps of a job: check out, set up .NET from global.json, restore the NuGet cache, download consumed artifacts,
/// run the job's targets alone (<c>./build.sh A B --skip</c>), upload produced artifacts and SARIF files.
/// </summary>
internal static class StepRenderer
{
    /// <summary>The files whose contents decide which NuGet packages a restore needs.</summary>
    internal const string NuGetCacheKey = "nuget-${{ runner.os }}-${{ hashFiles('**/*.csproj', 'Directory.Packages.props', 'global.json', '**/packages.lock.json') }}";

    private const string NotCancelled = "${{ !cancelled() }}";

    public static YamlSequence Render(WorkflowJob job, GenerationContext context)
    {
        var steps = new List<YamlNode> { Checkout(job, context.Workflow), SetUpDotNet(), NuGetCache() };
        steps.AddRange(Downloads(job, context));
        steps.Add(new YamlMap()
            .Add("name", "Run " + string.Join(", ", job.Targets.Select(t => t.Name)))
            .Add("run", $"./build.sh {string.Join(' ', job.Targets.Select(t => t.Name))} --skip"));
        steps.AddRange(job.Targets.SelectMany(t => t.Annotations.OfType<GitOpsCommit>()).Distinct().Select(GitOpsStep.Render));
        steps.AddRange(Uploads(job));
        steps.AddRange(SarifUploads(job));
        return new YamlSequence([.. steps]);
    }

    private static YamlMap Checkout(WorkflowJob job, GitHubWorkflow workflow)
    {
        var depths = job.Targets.Select(t => t.GetAnnotation<CheckoutDepth>()?.Depth).OfType<int>().ToList();
        var depth = depths.Count == 0 ? workflow.FetchDepth : depths.Contains(0) ? 0 : depths.Max();
        var writesContents = JobRenderer.WidenedPermissions(job, workflow).Any(p => p.Scope == "contents" && p.Level == PermissionLevel.Write);
        var with = new YamlMap();
        if (depth != 1)
        {
            with.Add("fetch-depth", YamlNode.Number(depth));
        }

        if (!writesContents)
        {
            // The token stays out of .git/config unless the job is meant to push.
            with.Add("persist-credentials", YamlNode.Bool(false));
        }

        return new YamlMap().Add("name", "Check out").Add("uses", "actions/checkout@v4").AddIfNotEmpty("with", with);
    }

    private static YamlMap SetUpDotNet() => new YamlMap()
        .Add("name", "Set up .NET")
        .Add("uses", "actions/setup-dotnet@v4")
        .Add("with", new YamlMap().Add("global-json-file", "global.json"));

    private static YamlMap NuGetCache() => new YamlMap()
        .Add("name", "Cache NuGet packages")
        .Add("uses", "actions/cache@v4")
        .Add("with", new YamlMap()
            .Add("path", "~/.nuget/packages")
            .Add("key", NuGetCacheKey)
            .Add("restore-keys", "nuget-${{ runner.os }}-"));

    private static IEnumerable<YamlMap> Downloads(WorkflowJob job, GenerationContext context)
    {
        var inJob = job.Targets.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var consumptions = job.Targets.SelectMany(t => t.Consumes.Select(c => (Consumer: t.Name, Consumption: c)))
            .Where(c => !inJob.Contains(c.Consumption.ProducerTarget))
            .GroupBy(c => c.Consumption.ProducerTarget, StringComparer.OrdinalIgnoreCase);
        foreach (var byProducer in consumptions)
        {
            var producerJob = context.JobOf(byProducer.Key);
            var producer = producerJob.Targets.First(t => string.Equals(t.Name, byProducer.Key, StringComparison.OrdinalIgnoreCase));
            if (producer.Produces.IsEmpty)
            {
                throw new TollgateException($"Target '{string.Join(", ", job.Targets.Select(t => t.Name))}' consumes '{producer.Name}', which produces nothing. Add .Produces(\"artifacts/...\") to '{producer.Name}'.");
            }

            // Only the artifacts holding the consumed paths: a deployment that pulls by digest skips the image archive.
            var consumer = string.Join(", ", byProducer.Select(c => c.Consumer).Distinct(StringComparer.Ordinal));
            foreach (var artifact in TargetArtifacts.Consumed(producer, [.. byProducer.Select(c => c.Consumption)], consumer))
            {
                // By name, download-artifact fails when there is none; by pattern it finds nothing and goes on.
                var with = producerJob.Matrix is not null
                    ? new YamlMap().Add("pattern", artifact.Name + "-*").Add("merge-multiple", YamlNode.Bool(true))
                    : artifact.Traits.HasFlag(ArtifactTraits.MayBeAbsent)
                        ? new YamlMap().Add("pattern", artifact.Name).Add("merge-multiple", YamlNode.Bool(true))
                        : new YamlMap().Add("name", artifact.Name);
                with.Add("path", ArtifactPaths.DownloadPath(artifact.Paths));
                var step = new YamlMap().Add("name", $"Download {artifact.Name} artifact");
                if (job.Targets.Any(t => t.AssuredAfterFailure))
                {
                    // An assured job (a report, a clean-up) also runs when a producer failed before uploading anything.
                    step.Add("continue-on-error", YamlNode.Bool(true));
                }

                yield return step.Add("uses", "actions/download-artifact@v4").Add("with", with);
            }
        }
    }

    private static IEnumerable<YamlMap> Uploads(WorkflowJob job)
    {
        var matrixSuffix = job.Matrix is null ? string.Empty : string.Concat(job.Matrix.Dimensions.Select(d => $"-${{{{ matrix.{d.Name} }}}}"));
        foreach (var artifact in job.Targets.SelectMany(TargetArtifacts.Of))
        {
            var paths = artifact.Paths.Length == 1 ? artifact.Paths[0] : string.Join('\n', artifact.Paths) + "\n";
            var with = new YamlMap().Add("name", artifact.Name + matrixSuffix).Add("path", paths);
            if (artifact.Traits.HasFlag(ArtifactTraits.MayBeAbsent))
            {
                with.Add("if-no-files-found", "ignore");
            }

            if (artifact.Traits.HasFlag(ArtifactTraits.AlreadyCompressed))
            {
                // Zipping a gzip file again costs upload time and saves nothing (upload-artifact's compression-level).
                with.Add("compression-level", YamlNode.Number(0));
            }

            yield return new YamlMap()
                .Add("name", $"Upload {artifact.Name} artifact")
                .Add("if", NotCancelled)
                .Add("uses", "actions/upload-artifact@v4")
                .Add("with", with);
        }
    }

    private static IEnumerable<YamlMap> SarifUploads(WorkflowJob job)
    {
        var matrixSuffix = job.Matrix is null ? string.Empty : string.Concat(job.Matrix.Dimensions.Select(d => $"-${{{{ matrix.{d.Name} }}}}"));
        foreach (var sarif in job.Targets.SelectMany(t => t.Annotations.OfType<SarifOutput>()).Distinct())
        {
            // A target that failed before writing its report leaves nothing to upload; that must not hide the failure.
            yield return new YamlMap()
                .Add("name", $"Upload {sarif.Category} SARIF")
                .Add("if", $"${{{{ !cancelled() && hashFiles('{sarif.Path.Replace("'", "''", StringComparison.Ordinal)}') != '' }}}}")
                .Add("uses", "github/codeql-action/upload-sarif@v3")
                .Add("with", new YamlMap().Add("sarif_file", sarif.Path).Add("category", sarif.Category + matrixSuffix));
        }
    }
}
