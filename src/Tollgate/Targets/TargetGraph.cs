using System.Collections.Immutable;

namespace Tollgate;

/// <summary>Every target of a build, in declaration order, plus the default target.</summary>
public sealed record TargetGraph
{
    private readonly Dictionary<string, TargetSpec> _byName;

    /// <summary>Creates a graph; names are unique ignoring case and every relation must name a target of the graph.</summary>
    public TargetGraph(IEnumerable<TargetSpec> targets, string? defaultTarget = null)
    {
        Targets = [.. targets];
        _byName = new Dictionary<string, TargetSpec>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in Targets)
        {
            if (!_byName.TryAdd(target.Name, target))
            {
                throw new TollgateException($"Two targets are named '{target.Name}'. Rename one of them.");
            }
        }

        foreach (var target in Targets)
        {
            foreach (var name in target.DependsOn.Concat(target.After).Concat(target.Triggers).Concat(target.Consumes.Select(c => c.ProducerTarget)))
            {
                if (!_byName.ContainsKey(name))
                {
                    throw new TollgateException($"Target '{target.Name}' refers to '{name}', which is not a target of this build.");
                }
            }
        }

        if (defaultTarget is not null && !_byName.ContainsKey(defaultTarget))
        {
            throw new TollgateException($"The default target '{defaultTarget}' is not a target of this build.");
        }

        DefaultTarget = defaultTarget;
    }

    /// <summary>The targets in declaration order.</summary>
    public ImmutableArray<TargetSpec> Targets { get; }

    /// <summary>The target run when none is named on the command line.</summary>
    public string? DefaultTarget { get; }

    /// <summary>Looks a target up by name, ignoring case.</summary>
    public bool TryGet(string name, out TargetSpec target) => _byName.TryGetValue(name, out target!);

    /// <summary>Looks a target up by name, ignoring case, or throws an error that lists the targets and the closest match.</summary>
    public TargetSpec Get(string name)
    {
        if (_byName.TryGetValue(name, out var target))
        {
            return target;
        }

        var names = Targets.Where(t => !t.Unlisted).Select(t => t.Name).ToList();
        var closest = NameSuggestions.Closest(name, Targets.Select(t => t.Name));
        var hint = closest is null ? string.Empty : $" Did you mean '{closest}'?";
        throw new TollgateException(
            $"There is no target named '{name}'.{hint}{Environment.NewLine}Targets: {string.Join(", ", names)}. Run with --help to see them with descriptions.");
    }
}
