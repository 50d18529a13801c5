namespace Tollgate;

/// <summary>What the user asked for: targets to invoke and targets to skip.</summary>
/// <param name="Targets">Targets to invoke; empty means the graph's default target.</param>
/// <param name="Skip">
/// <see langword="null"/> when <c>--skip</c> was not given; empty for a bare <c>--skip</c> (skip everything not invoked);
/// otherwise the targets to skip.
/// </param>
internal sealed record PlanRequest(IReadOnlyList<string> Targets, IReadOnlyList<string>? Skip = null);
