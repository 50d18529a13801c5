using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Tollgate;

/// <summary>The fluent definition of a target. Every method returns the same definition so calls chain.</summary>
public interface ITargetDefinition
{
    /// <summary>The description shown by <c>--help</c> and <c>--plan</c>.</summary>
    ITargetDefinition Description(string description);

    /// <summary>Adds a synchronous action.</summary>
    ITargetDefinition Executes(Action action);

    /// <summary>Adds an asynchronous action.</summary>
    ITargetDefinition Executes(Func<Task> action);

    /// <summary>Adds an asynchronous action that observes cancellation (failure elsewhere, Ctrl-C, timeout).</summary>
    ITargetDefinition Executes(Func<CancellationToken, Task> action);

    /// <summary>These targets run (and succeed) before this one; invoking this one includes them.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>Depends on a target of a component interface: <c>DependsOn&lt;ICompile&gt;(x =&gt; x.Compile)</c>.</summary>
    ITargetDefinition DependsOn<TComponent>(params Func<TComponent, Target>[] targets);

    /// <summary>The given targets depend on this one (the reverse of <see cref="DependsOn(Target[])"/>).</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>The reverse of <see cref="DependsOn{TComponent}"/>.</summary>
    ITargetDefinition DependentFor<TComponent>(params Func<TComponent, Target>[] targets);

    /// <summary>Ordering only: when both are in the plan, this target runs after the given ones.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Ordering only, component form.</summary>
    ITargetDefinition After<TComponent>(params Func<TComponent, Target>[] targets);

    /// <summary>Ordering only: when both are in the plan, this target runs before the given ones.</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>Ordering only, component form.</summary>
    ITargetDefinition Before<TComponent>(params Func<TComponent, Target>[] targets);

    /// <summary>When this target executes, the given targets are added to the plan and run after it.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>Triggers, component form.</summary>
    ITargetDefinition Triggers<TComponent>(params Func<TComponent, Target>[] targets);

    /// <summary>When any of the given targets executes, this one is added to the plan and runs after it.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>TriggeredBy, component form.</summary>
    ITargetDefinition TriggeredBy<TComponent>(params Func<TComponent, Target>[] targets);

    /// <summary>
    /// A condition evaluated while planning, before anything runs. When false the target is skipped and its source text
    /// is the skip reason; dependencies nothing else needs are skipped too unless <see cref="WhenSkipped"/> says otherwise.
    /// </summary>
    ITargetDefinition OnlyWhenStatic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? conditionText = null);

    /// <summary>A condition evaluated right before the target would run, after its dependencies; false skips it.</summary>
    ITargetDefinition OnlyWhenDynamic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? conditionText = null);

    /// <summary>The parameter must have a value before any target runs (when this target is in the plan).</summary>
    ITargetDefinition Requires<T>(Expression<Func<T>> parameter, [CallerArgumentExpression(nameof(parameter))] string? parameterText = null);

    /// <summary>
    /// The condition must hold before any target runs (when this target is in the plan). A boolean lambda always binds
    /// here, so <c>Requires(() =&gt; Version != "")</c> is a condition while <c>Requires(() =&gt; ApiKey)</c> requires a value.
    /// </summary>
    ITargetDefinition Requires(Expression<Func<bool>> condition, [CallerArgumentExpression(nameof(condition))] string? conditionText = null);

    /// <summary>The tool must be found on PATH or in .nuke/temp/tools before any target runs.</summary>
    ITargetDefinition RequiresTool(string toolName);

    /// <summary>Declares which parameters the target reads (CI generation passes secrets only to jobs that use them).</summary>
    ITargetDefinition Uses<T>(Expression<Func<T>> parameter);

    /// <summary>Whether dependencies that nothing else needs still run when this target is skipped.</summary>
    ITargetDefinition WhenSkipped(DependencyBehavior behavior);

    /// <summary>If this target fails, the build still schedules the remaining targets (and still fails at the end).</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>This target runs even when others failed or the build was cancelled (clean-up, reports).</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hides the target from <c>--help</c>.</summary>
    ITargetDefinition Unlisted();

    /// <summary>Files (globs relative to the root) this target produces; CI uploads them as the target's artifact.</summary>
    ITargetDefinition Produces(params string[] paths);

    /// <summary>This target uses everything the given targets produce; CI downloads their artifacts.</summary>
    ITargetDefinition Consumes(params Target[] targets);

    /// <summary>This target uses the given paths of what the target produces.</summary>
    ITargetDefinition Consumes(Target target, params string[] paths);

    /// <summary>Consumes, component form.</summary>
    ITargetDefinition Consumes<TComponent>(Func<TComponent, Target> target, params string[] paths);

    /// <summary>
    /// Like <see cref="Consumes(Target, string[])"/>, but only when <paramref name="target"/> runs in the same plan: a CI
    /// workflow that has the producer's job downloads its artifact; one without it (a scheduled scan without a build) is
    /// valid and does not run the producer. The consumer must cope with the files being absent.
    /// </summary>
    ITargetDefinition ConsumesIfPresent(Target target, params string[] paths);

    /// <summary>ConsumesIfPresent, component form.</summary>
    ITargetDefinition ConsumesIfPresent<TComponent>(Func<TComponent, Target> target, params string[] paths);

    /// <summary>Input globs (relative to the root). With <see cref="Outputs"/> the target can be UpToDate.</summary>
    ITargetDefinition Inputs(params string[] globs);

    /// <summary>Output globs (relative to the root). Must all match for the target to be UpToDate.</summary>
    ITargetDefinition Outputs(params string[] globs);

    /// <summary>
    /// Applies the default implementation of a component's target (after an explicit re-implementation), so it can be
    /// extended: <c>Target ITest.Test =&gt; _ =&gt; _.Inherit&lt;ITest&gt;(x =&gt; x.Test).Executes(...)</c>.
    /// </summary>
    ITargetDefinition Inherit<TComponent>(Expression<Func<TComponent, Target>> target);

    /// <summary>
    /// Targets that name the same resource never run at the same time in one build (e.g. two targets that both run
    /// <c>dotnet build</c> on the same projects and would race on their obj/ folders). Ordering stays free: whichever is
    /// ready first runs first. CI jobs run on separate machines, so this adds no <c>needs</c>.
    /// </summary>
    ITargetDefinition Exclusive(params string[] resources);

    /// <summary>Attaches data for extensions (CI settings, service containers). Later annotations of a type win.</summary>
    ITargetDefinition Annotate(object annotation);
}
