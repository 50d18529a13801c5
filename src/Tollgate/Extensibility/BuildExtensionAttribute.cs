namespace Tollgate;

/// <summary>
/// Base of attributes that act when a build starts. Put one on a build class or on a component interface the build
/// implements; a failure (a <see cref="TollgateException"/>) fails the build before any target runs.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface, AllowMultiple = true, Inherited = true)]
public abstract class BuildExtensionAttribute : Attribute
{
    /// <summary>Called once after planning, before any target runs.</summary>
    public abstract Task OnBuildStartingAsync(BuildStartingContext context, CancellationToken cancellationToken);
}
