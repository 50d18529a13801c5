using System.Reflection;

namespace Tollgate;

/// <summary>
/// Finds the targets of a build: properties of type <see cref="Target"/> on the class (and its base classes) and on the
/// interfaces it implements, where the class's own or explicit implementation wins over a default implementation.
/// </summary>
internal static class TargetDiscovery
{
    private const BindingFlags InstanceMembers = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>Evaluates every target definition of <paramref name="build"/> and returns the graph.</summary>
    public static TargetGraph Discover(object build, string? defaultTarget = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        var properties = FindTargetProperties(build.GetType());

        var delegates = new List<(string Name, Target Target, Type DeclaringType)>();
        var nameByMethod = new Dictionary<MethodInfo, string>();
        foreach (var (name, property, declaringType) in properties)
        {
            var target = (Target?)property.GetValue(build)
                ?? throw new TollgateException($"Target '{name}' on {declaringType.Name} returned null. Define it as '_ => _.Executes(...)'.");
            if (!nameByMethod.TryAdd(target.Method, name))
            {
                throw new TollgateException(
                    $"Target '{name}' returns the same definition as '{nameByMethod[target.Method]}'. Define it as '_ => _.DependsOn({nameByMethod[target.Method]})' instead.");
            }

            delegates.Add((name, target, declaringType));
        }

        string Resolve(Target target) =>
            target is not null && nameByMethod.TryGetValue(target.Method, out var name)
                ? name
                : throw new TollgateException(
                    $"A target relation refers to a Target that is not a property of {build.GetType().Name}. Refer to target properties (DependsOn(Compile)), not to local lambdas.");

        var definitions = new List<(TargetDefinition Definition, Type DeclaringType)>();
        foreach (var (name, target, declaringType) in delegates)
        {
            var definition = new TargetDefinition(name, build, Resolve);
            try
            {
                _ = target(definition);
            }
            catch (TollgateException)
            {
                throw;
            }
            catch (Exception exception)
            {
                throw new TollgateException($"Evaluating the definition of target '{name}' failed: {exception.Message}", exception);
            }

            definitions.Add((definition, declaringType));
        }

        return Fold(definitions, defaultTarget);
    }

    private static TargetGraph Fold(List<(TargetDefinition Definition, Type DeclaringType)> definitions, string? defaultTarget)
    {
        var specs = definitions.ToDictionary(d => d.Definition.Name, d => d.Definition.ToSpec(d.DeclaringType), StringComparer.Ordinal);
        foreach (var (definition, _) in definitions)
        {
            foreach (var other in definition.DependentForTargets)
            {
                specs[other] = specs[other] with { DependsOn = specs[other].DependsOn.Contains(definition.Name) ? specs[other].DependsOn : specs[other].DependsOn.Add(definition.Name) };
            }

            foreach (var other in definition.BeforeTargets)
            {
                specs[other] = specs[other] with { After = specs[other].After.Contains(definition.Name) ? specs[other].After : specs[other].After.Add(definition.Name) };
            }

            foreach (var other in definition.TriggeredByTargets)
            {
                specs[other] = specs[other] with { Triggers = specs[other].Triggers.Contains(definition.Name) ? specs[other].Triggers : specs[other].Triggers.Add(definition.Name) };
            }
        }

        return new TargetGraph(definitions.Select(d => specs[d.Definition.Name]), defaultTarget);
    }

    private static List<(string Name, PropertyInfo Property, Type DeclaringType)> FindTargetProperties(Type buildType)
    {
        var result = new List<(string, PropertyInfo, Type)>();
        var names = new HashSet<string>(StringComparer.Ordinal);

        // The class hierarchy first: its own properties win over interface defaults of the same name.
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var property in type.GetProperties(InstanceMembers | BindingFlags.DeclaredOnly).OrderBy(p => p.MetadataToken))
            {
                if (property.PropertyType == typeof(Target) && !property.Name.Contains('.', StringComparison.Ordinal) && names.Add(property.Name))
                {
                    result.Add((property.Name, property, type));
                }
            }
        }

        // Interface targets: reading the interface property dispatches to the effective implementation (the class's
        // explicit re-implementation, a more derived interface's override, or the default body).
        foreach (var iface in buildType.GetInterfaces().OrderBy(i => i.FullName, StringComparer.Ordinal))
        {
            foreach (var property in iface.GetProperties(InstanceMembers | BindingFlags.DeclaredOnly).OrderBy(p => p.MetadataToken))
            {
                if (property.PropertyType == typeof(Target) && names.Add(property.Name))
                {
                    var implementation = buildType.GetInterfaceMap(iface).TargetMethods
                        .Zip(buildType.GetInterfaceMap(iface).InterfaceMethods)
                        .First(pair => pair.Second == property.GetMethod).First;
                    result.Add((property.Name, property, implementation?.DeclaringType ?? iface));
                }
            }
        }

        return result;
    }
}
