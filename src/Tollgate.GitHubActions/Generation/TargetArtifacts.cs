using System.Collections.Immutable;

namespace Tollgate.GitHubActions;

/// <summary>One <c>actions/upload-artifact</c> of a target: its name, the globs it holds, how it is uploaded and downloaded.</summary>
internal sealed record UploadedArtifact(string Name, ImmutableArray<string> Paths, ArtifactTraits Traits);

/// <summary>
/// How a target's <c>Produces</c> paths map to artifacts: those of a <see cref="SeparateArtifact"/> go under its name,
/// the others under the target's; and which of them a consumer downloads: all for <c>Consumes(target)</c>, else those
/// holding the consumed paths. A consumed path that no artifact holds fails generation, naming what there is.
/// </summary>
internal static class TargetArtifacts
{
    public static IReadOnlyList<UploadedArtifact> Of(TargetSpec target)
    {
        var separate = target.Annotations.OfType<SeparateArtifact>().Distinct().ToList();
        var apart = separate.SelectMany(s => s.Paths).ToHashSet(StringComparer.Ordinal);
        var rest = target.Produces.Where(p => !apart.Contains(p)).ToImmutableArray();
        var artifacts = new List<UploadedArtifact>();
        if (!rest.IsEmpty)
        {
            artifacts.Add(new UploadedArtifact(target.Name, rest, ArtifactTraits.None));
        }

        artifacts.AddRange(separate.Select(s => new UploadedArtifact(s.Name, s.Paths, s.Traits)));
        return artifacts;
    }

    /// <summary>The producer's artifacts the consumptions need, in the producer's order.</summary>
    public static IReadOnlyList<UploadedArtifact> Consumed(TargetSpec producer, IReadOnlyList<ArtifactConsumption> consumptions, string consumer)
    {
        var artifacts = Of(producer);
        if (consumptions.Any(c => c.Paths.Count == 0))
        {
            return artifacts;
        }

        var needed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in consumptions.SelectMany(c => c.Paths))
        {
            var holding = artifacts.Where(a => a.Paths.Any(p => ArtifactPaths.Overlap(p, path))).ToList();
            if (holding.Count == 0)
            {
                throw new TollgateException(
                    $"Target '{consumer}' consumes '{path}' of '{producer.Name}', which produces no such files " +
                    $"(it produces {string.Join(", ", producer.Produces)}). Consume one of those paths, or add the files to {producer.Name}'s .Produces(...).");
            }

            needed.UnionWith(holding.Select(a => a.Name));
        }

        return [.. artifacts.Where(a => needed.Contains(a.Name))];
    }
}
