namespace Tollgate;

/// <summary>
/// Marks a parameter as secret: its value is masked as <c>***</c> in the log, in child-process output, in the summary
/// and in reports, registered with <c>::add-mask::</c> on GitHub Actions, and never written to generated files.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class SecretAttribute : Attribute
{
}
