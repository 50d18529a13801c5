using System.Linq.Expressions;
using System.Reflection;

namespace Tollgate;

/// <summary>Calls a component interface's default target implementation without virtual dispatch (for <c>Inherit</c>).</summary>
internal static class DefaultImplementations
{
    public static Target Invoke<TComponent>(object build, Expression<Func<TComponent, Target>> selector, string inheritingTarget)
    {
        if (selector.Body is not MemberExpression { Member: PropertyInfo property })
        {
            throw new TollgateException($"Target '{inheritingTarget}': Inherit expects a target property such as 'x => x.Compile', not '{selector}'.");
        }

        if (build is not TComponent)
        {
            throw new TollgateException(
                $"Target '{inheritingTarget}' inherits {typeof(TComponent).Name}.{property.Name}, but the build class {build.GetType().Name} does not implement {typeof(TComponent).Name}.");
        }

        var getter = property.GetMethod;
        if (getter is null || getter.IsAbstract || !property.DeclaringType!.IsInterface)
        {
            throw new TollgateException(
                $"Target '{inheritingTarget}' inherits {typeof(TComponent).Name}.{property.Name}, which has no default implementation to inherit. Inherit from the interface that implements it.");
        }

        // A delegate bound to a function pointer calls the method non-virtually: the interface's own body runs even though
        // the build class re-implements the property (which would otherwise recurse into the inheriting target).
        var pointer = getter.MethodHandle.GetFunctionPointer();
        var call = (Func<Target>)Activator.CreateInstance(typeof(Func<Target>), build, pointer)!;
        return call();
    }
}
