namespace Tollgate;

/// <summary>
/// A target of a build: a property of this type on a build class or on an interface it implements
/// (<c>Target Compile => _ => _.DependsOn(Restore).Executes(...)</c>). The delegate configures a fluent definition.
/// </summary>
/// <param name="definition">The definition to configure.</param>
/// <returns>The configured definition.</returns>
public delegate ITargetDefinition Target(ITargetDefinition definition);
