namespace Tollgate;

/// <summary>A condition of a target with its source text, which becomes the skip reason when it is false.</summary>
/// <param name="Evaluate">Evaluates the condition.</param>
/// <param name="Text">The condition's source text, e.g. <c>() =&gt; IsServerBuild</c>.</param>
public sealed record TargetCondition(Func<bool> Evaluate, string Text);
