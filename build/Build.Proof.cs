using System.Collections.Immutable;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Tollgate;
using Tollgate.GitHubActions.Harness;

/// <summary>
/// Proof by execution of the committed workflows (./build.sh ProveWorkflows): the workflow harness runs each job of the
/// release and pull-request workflows in a fresh clone of HEAD, as a runner would, and the release proof checks that the
/// packages it handed on are Release builds. Commit first: the clones hold HEAD, not the working tree.
/// </summary>
public sealed partial class Build
{
    [Parameter("Workflows ProveWorkflows runs under the harness, by file name (default: release pull-request; also main, weekly-scan, nightly-eval)")]
    readonly string[] ProofWorkflows = ["release", "pull-request"];

    AbsolutePath ProofDirectory => TemporaryDirectory / "workflow-proof";

    Target ProveWorkflows => _ => _
        .Description("Runs the committed release and pull-request workflows job by job in fresh clones of HEAD (the workflow harness)")
        .Produces("artifacts/workflow-proof/**")
        .Executes(async ct =>
        {
            var failures = new List<string>();
            foreach (var workflow in ProofWorkflows)
            {
                var report = await ProveAsync(workflow, ct);
                failures.AddRange(report.Jobs.Where(j => j.Status == HarnessJobStatus.Failed).Select(j => $"{workflow}/{j.Job}: {j.Reason} (log: {j.LogFile})"));
                if (workflow == "release")
                {
                    failures.AddRange(CheckReleasePackages(report));
                }
            }

            if (failures.Count > 0)
            {
                throw new TollgateException("The workflow proof failed:\n" + string.Join("\n", failures));
            }
        });

    async Task<HarnessReport> ProveAsync(string workflow, CancellationToken cancellationToken)
    {
        var work = ProofDirectory / workflow;
        if (work.DirectoryExists())
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException exception)
            {
                throw new TollgateException(
                    $"Could not remove the previous proof's folder {work}: {exception.Message}. Something still holds it " +
                    $"(a mount: grep '{work}' /proc/mounts, then umount it; or a process started there); free it and run again.");
            }
        }

        var file = $".github/workflows/{workflow}.yml";
        if (!(RootDirectory / file).FileExists())
        {
            var known = Directory.GetFiles(RootDirectory / ".github" / "workflows", "*.yml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
            throw new TollgateException($"--proof-workflows {workflow}: there is no {file}. Name one of: {string.Join(", ", known)}.");
        }

        // The event each workflow runs on: a tag push for the release, a pull request, the schedule for the nightly and
        // weekly workflows, a push to main otherwise.
        var pullRequest = workflow == "pull-request";
        var (eventName, gitRef) = workflow switch
        {
            "release" => ("push", "refs/tags/" + ProofTag),
            "pull-request" => ("pull_request", "refs/pull/1/merge"),
            "nightly-eval" or "weekly-scan" => ("schedule", "refs/heads/main"),
            _ => ("push", "refs/heads/main"),
        };
        var options = new HarnessOptions(RootDirectory, file, work)
        {
            EventName = eventName,
            Ref = gitRef,
            // GitHub gives a pull request from a fork no secrets: each reads as an empty string, and the jobs must pass
            // without them (LlmEval replays its recorded model calls). The other proofs get none, so jobs that need one
            // (publishing, the live evaluation) are listed as not run. Repository variables are not set (IMAGE_REGISTRY:
            // Build pushes to a registry on its own runner).
            Secrets = pullRequest ? SecretNames(RootDirectory / file).ToImmutableDictionary(s => s, _ => string.Empty) : ImmutableDictionary<string, string>.Empty,
            // OSV cannot be reached from this machine: the weekly scan's advisories come from the OSV records the scanner
            // tests use (vars.SCAN_ADVISORIES, as a repository would point it at a mirror).
            Variables = workflow == "weekly-scan"
                ? ImmutableDictionary<string, string>.Empty.Add("SCAN_ADVISORIES", RootDirectory / "tests" / "Tollgate.Security.Tests" / "Fixtures" / "osv")
                : ImmutableDictionary<string, string>.Empty,
        };
        Log.Information($"Proving {options.WorkflowFile} at HEAD under the workflow harness (logs in {work / "logs"})");
        var report = await new WorkflowHarness(options).RunAsync(cancellationToken);
        var markdown = report.ToMarkdown();
        Log.Information(markdown);
        Host.AppendSummary(markdown);
        var saved = ArtifactsDirectory / "workflow-proof";
        Directory.CreateDirectory(saved);
        await File.WriteAllTextAsync(saved / (workflow + ".md"), markdown, cancellationToken);
        return report;
    }

    static IEnumerable<string> SecretNames(AbsolutePath workflowFile) =>
        Regex.Matches(File.ReadAllText(workflowFile), @"\$\{\{[^}]*?\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)").Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal);

    /// <summary>The tag the release proof pretends was pushed; the packages must carry its version.</summary>
    const string ProofTag = "v0.1.0";

    // The packages the release workflow's Pack job uploaded: there must be some, each versioned from the tag (MinVer), and
    // every assembly in them optimized.
    IEnumerable<string> CheckReleasePackages(HarnessReport report)
    {
        var packed = Path.Combine(report.ArtifactsDirectory, nameof(Pack));
        var packages = Directory.Exists(packed) ? Directory.GetFiles(packed, "*.nupkg") : [];
        if (packages.Length == 0)
        {
            yield return $"release/Pack handed on no .nupkg files (expected them in {packed}).";
            yield break;
        }

        foreach (var package in packages.Order(StringComparer.Ordinal))
        {
            using var zip = ZipFile.OpenRead(package);
            var nuspec = zip.Entries.FirstOrDefault(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.Name.EndsWith(".nuspec", StringComparison.Ordinal));
            using (var reader = new StreamReader(nuspec?.Open() ?? Stream.Null))
            {
                var version = Regex.Match(reader.ReadToEnd(), "<version>([^<]+)</version>").Groups[1].Value;
                Log.Information($"{Path.GetFileName(package)}: version {version} (tag {ProofTag})");
                if (version != ProofTag.TrimStart('v'))
                {
                    yield return $"{Path.GetFileName(package)} has version '{version}', not the tag's {ProofTag.TrimStart('v')}: Pack must take the version from the tag (MinVer needs the tag and fetch-depth: 0).";
                }
            }

            // Libraries carry their assembly under lib/, the global tool under tools/ (beside its dependencies: only
            // Tollgate's own assemblies are checked).
            var assemblies = zip.Entries
                .Where(e => (e.FullName.StartsWith("lib/", StringComparison.Ordinal) || e.FullName.StartsWith("tools/", StringComparison.Ordinal))
                    && e.Name.StartsWith("Tollgate", StringComparison.Ordinal) && e.Name.EndsWith(".dll", StringComparison.Ordinal))
                .ToList();
            if (assemblies.Count == 0)
            {
                yield return $"{Path.GetFileName(package)} holds no Tollgate assembly under lib/ or tools/.";
            }

            foreach (var entry in assemblies)
            {
                using var copy = new MemoryStream();
                using (var stream = entry.Open())
                {
                    stream.CopyTo(copy);
                }

                copy.Position = 0;
                var optimized = IsOptimized(copy);
                Log.Information($"{Path.GetFileName(package)}: {entry.FullName} is a {(optimized ? "Release" : "Debug")} build");
                if (!optimized)
                {
                    yield return $"{Path.GetFileName(package)}: {entry.FullName} was compiled without optimizations (a Debug build), not Release.";
                }
            }
        }
    }

    // Debug builds carry DebuggableAttribute with DisableOptimizations (256); Release builds do not.
    static bool IsOptimized(Stream assembly)
    {
        using var pe = new PEReader(assembly);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference
                || metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name) != "DebuggableAttribute")
            {
                continue;
            }

            var value = metadata.GetBlobReader(attribute.Value);
            value.ReadUInt16();
            if (value.RemainingBytes >= 4)
            {
                return (value.ReadInt32() & 256) == 0;
            }

            // DebuggableAttribute(isJITTrackingEnabled, isJITOptimizerDisabled).
            value.ReadBoolean();
            return !value.ReadBoolean();
        }

        return true;
    }
}
