using System.Collections.Immutable;
using System.Reflection;

namespace Tollgate;

/// <summary>
/// Finds the parameters of a build: <see cref="ParameterAttribute"/> fields and properties (public and non-public,
/// instance) on the build class and its base classes, and <see cref="ParameterAttribute"/> properties of every
/// interface the class implements (component parameters such as
/// <c>[Parameter("...")] double? CoverageThreshold =&gt; TryGetValue&lt;double?&gt;() ?? 80;</c>).
/// </summary>
/// <remarks>
/// A member of a derived class hides a base-class member of the same name. A class member that implements an interface
/// parameter property wins over the interface's declaration. Any other two members whose names differ only in case are
/// an error naming both declaring types, because the command line, the environment and the parameter files could not
/// tell them apart.
/// </remarks>
internal static class ParameterDiscovery
{
    private const BindingFlags InstanceMembers =
        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>
    /// The parameters of <paramref name="build"/>, class members first (most derived first, in declaration order), then
    /// interface properties. <see cref="ParameterDescriptor.DefaultValue"/> is the member's value on the instance as it
    /// is now, so call this before values are applied.
    /// </summary>
    public static ImmutableArray<ParameterDescriptor> Find(object build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var type = build.GetType();
        var found = new List<ParameterDescriptor>();
        var byName = new Dictionary<string, ParameterDescriptor>(StringComparer.OrdinalIgnoreCase);
        var classMemberNames = new HashSet<string>(StringComparer.Ordinal);

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var member in current.GetMembers(InstanceMembers).Where(m => m is FieldInfo or PropertyInfo).OrderBy(m => m.MetadataToken))
            {
                var attribute = member.GetCustomAttribute<ParameterAttribute>(inherit: true);
                if (attribute is null || !classMemberNames.Add(member.Name))
                {
                    // Not a parameter, or hidden/overridden by a more derived member of the same name.
                    continue;
                }

                Add(Describe(build, member, attribute));
            }
        }

        if (!type.IsInterface)
        {
            foreach (var @interface in type.GetInterfaces().OrderBy(i => i.FullName, StringComparer.Ordinal))
            {
                // The map is only built for interfaces that declare parameters: framework interfaces need none.
                InterfaceMapping? map = null;
                foreach (var property in @interface.GetProperties(InstanceMembers).OrderBy(p => p.MetadataToken))
                {
                    var attribute = property.GetCustomAttribute<ParameterAttribute>(inherit: true);
                    if (attribute is null)
                    {
                        continue;
                    }

                    map ??= type.GetInterfaceMap(@interface);
                    if (IsImplementedByClassParameter(property, map.Value, byName))
                    {
                        continue;
                    }

                    Add(Describe(build, property, attribute));
                }
            }
        }

        return [.. found];

        void Add(ParameterDescriptor descriptor)
        {
            if (byName.TryGetValue(descriptor.Name, out var existing))
            {
                throw new TollgateException(
                    $"Two parameters are named '{descriptor.Name}': {Describe(existing.Member)} and {Describe(descriptor.Member)}. " +
                    "Names are matched ignoring case on the command line, in the environment and in .nuke/parameters.json; rename one of them " +
                    "or set [Parameter(Name = \"...\")].");
            }

            byName.Add(descriptor.Name, descriptor);
            found.Add(descriptor);
        }
    }

    private static bool IsImplementedByClassParameter(PropertyInfo property, InterfaceMapping map, Dictionary<string, ParameterDescriptor> byName)
    {
        var getter = property.GetMethod;
        if (getter is null)
        {
            return false;
        }

        var index = Array.IndexOf(map.InterfaceMethods, getter);
        var implementation = index < 0 ? null : map.TargetMethods[index];
        if (implementation?.DeclaringType is null || implementation.DeclaringType.IsInterface)
        {
            return false;
        }

        var name = property.GetCustomAttribute<ParameterAttribute>(inherit: true)?.Name ?? property.Name;
        return byName.TryGetValue(name, out var existing)
            && existing.Member is PropertyInfo classProperty
            && classProperty.GetMethod is { } classGetter
            && (classGetter == implementation || classGetter.GetBaseDefinition() == implementation.GetBaseDefinition());
    }

    private static ParameterDescriptor Describe(object build, MemberInfo member, ParameterAttribute attribute)
    {
        var memberType = member switch
        {
            FieldInfo field => field.FieldType,
            PropertyInfo property => property.PropertyType,
            _ => throw new ArgumentException($"{member.Name} is neither a field nor a property.", nameof(member)),
        };

        var name = attribute.Name ?? member.Name;
        if (!ParameterValueConverter.IsSupported(memberType))
        {
            throw new TollgateException(
                $"Parameter '{name}' ({Describe(member)}) has type {memberType.Name}, which Tollgate cannot read from text. " +
                $"Use one of: {ParameterValueConverter.SupportedTypesText}, or an array or IReadOnlyList of those.");
        }

        var flag = ParameterNames.ToKebabCase(name);
        if (ParameterResolver.EngineKeys.Contains(name, StringComparer.OrdinalIgnoreCase)
            || CommandLineParser.SwitchFlags.Contains(flag) || CommandLineParser.ValueFlags.Contains(flag))
        {
            throw new TollgateException(
                $"Parameter '{name}' ({Describe(member)}) would be shadowed by the engine's own option --{flag}. " +
                "Rename the member or set [Parameter(Name = \"...\")].");
        }

        return new ParameterDescriptor
        {
            Name = name,
            Member = member,
            ValueType = Nullable.GetUnderlyingType(memberType) ?? memberType,
            Description = attribute.Description,
            IsSecret = member.GetCustomAttribute<SecretAttribute>(inherit: true) is not null,
            IsRequired = member.GetCustomAttribute<RequiredAttribute>(inherit: true) is not null,
            DefaultValue = ReadDefault(build, member),
            Separator = attribute.Separator,
        };
    }

    private static object? ReadDefault(object build, MemberInfo member)
    {
        try
        {
            return member switch
            {
                FieldInfo field => field.GetValue(build),
                PropertyInfo { GetMethod: not null } property when property.GetIndexParameters().Length == 0 => property.GetValue(build),
                _ => null,
            };
        }
#pragma warning disable CA1031 // A default is only shown by --help and the schema; a getter that cannot run yet (it reads state the engine sets up later) must not stop discovery.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static string Describe(MemberInfo member) => $"{member.DeclaringType?.Name}.{member.Name}";
}
