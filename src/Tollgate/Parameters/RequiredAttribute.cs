namespace Tollgate;

/// <summary>The build fails before any target runs when this parameter has no value.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class RequiredAttribute : Attribute
{
}
