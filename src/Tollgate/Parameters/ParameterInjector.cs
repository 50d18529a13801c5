using System.Reflection;

namespace Tollgate;

/// <summary>
/// Puts resolved values into a build: fields of the build class (readonly ones too) and properties with a setter (or a
/// get-only auto-property's backing field). Properties without storage, such as component interface properties
/// (<c>double? CoverageThreshold =&gt; TryGetValue&lt;double?&gt;() ?? 80;</c>), read their value through
/// <see cref="ITollgateBuild.TryGetValue{T}"/>, which the engine answers from <see cref="ResolvedParameters.Get{T}"/>.
/// </summary>
internal static class ParameterInjector
{
    /// <summary>Sets every parameter member of <paramref name="build"/> that a source gave a value. Members keep their defaults otherwise.</summary>
    /// <returns>The names of the parameters that were set on members.</returns>
    /// <exception cref="TollgateException">A value does not fit its member.</exception>
    public static IReadOnlyList<string> Apply(object build, ResolvedParameters resolved)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(resolved);
        var applied = new List<string>();
        foreach (var parameter in resolved.ByName.Values.Where(p => p.HasValue).OrderBy(p => p.Descriptor.Name, StringComparer.Ordinal))
        {
            var member = parameter.Descriptor.Member;
            if (member.DeclaringType is { IsInterface: true } || !member.DeclaringType!.IsInstanceOfType(build))
            {
                continue;
            }

            try
            {
                if (Set(build, member, parameter.Value))
                {
                    applied.Add(parameter.Descriptor.Name);
                }
            }
            catch (ArgumentException exception)
            {
                throw new TollgateException(
                    $"Parameter '{parameter.Descriptor.Name}' ({parameter.Origin}) resolved to a {parameter.Value!.GetType().Name}, which does not fit " +
                    $"{member.DeclaringType.Name}.{member.Name}: {exception.Message}",
                    exception);
            }
        }

        return applied;
    }

    private static bool Set(object build, MemberInfo member, object? value)
    {
        switch (member)
        {
            case FieldInfo field:
                field.SetValue(build, value);
                return true;
            case PropertyInfo { SetMethod: not null } property:
                property.SetValue(build, value);
                return true;
            case PropertyInfo property:
                var backingField = property.DeclaringType!.GetField(
                    $"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
                backingField?.SetValue(build, value);
                return backingField is not null;
            default:
                return false;
        }
    }
}
