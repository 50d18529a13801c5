using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Tollgate;

/// <summary>The mutable builder behind <see cref="ITargetDefinition"/>; <see cref="ToSpec"/> freezes it.</summary>
internal sealed class TargetDefinition(string name, object build, Func<Target, string> resolve) : ITargetDefinition
{
    private readonly List<Func<CancellationToken, Task>> _actions = [];
    private readonly List<MethodInfo> _actionMethods = [];
    private readonly List<string> _dependsOn = [];
    private readonly List<string> _after = [];
    private readonly List<string> _triggers = [];
    private readonly List<TargetCondition> _static = [];
    private readonly List<TargetCondition> _dynamic = [];
    private readonly List<TargetRequirement> _requirements = [];
    private readonly List<string> _usedParameters = [];
    private readonly List<string> _produces = [];
    private readonly List<ArtifactConsumption> _consumes = [];
    private readonly List<string> _inputs = [];
    private readonly List<string> _outputs = [];
    private readonly List<object> _annotations = [];
    private readonly List<string> _exclusive = [];
    private string? _description;
    private DependencyBehavior _whenSkipped = DependencyBehavior.Skip;
    private bool _proceedAfterFailure;
    private bool _assuredAfterFailure;
    private bool _unlisted;

    /// <summary>DependentFor targets: the graph adds this target to their DependsOn.</summary>
    public List<string> DependentForTargets { get; } = [];

    /// <summary>Before targets: the graph adds this target to their After.</summary>
    public List<string> BeforeTargets { get; } = [];

    /// <summary>TriggeredBy targets: the graph adds this target to their Triggers.</summary>
    public List<string> TriggeredByTargets { get; } = [];

    public string Name => name;

    public ITargetDefinition Description(string description)
    {
        _description = description;
        return this;
    }

    public ITargetDefinition Executes(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _actionMethods.Add(action.Method);
        return AddAction(_ =>
        {
            action();
            return Task.CompletedTask;
        });
    }

    public ITargetDefinition Executes(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _actionMethods.Add(action.Method);
        return AddAction(_ => action());
    }

    public ITargetDefinition Executes(Func<CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _actionMethods.Add(action.Method);
        return AddAction(action);
    }

    public ITargetDefinition DependsOn(params Target[] targets) => AddAll(_dependsOn, targets);

    public ITargetDefinition DependsOn<TComponent>(params Func<TComponent, Target>[] targets) => AddAll(_dependsOn, Of(targets));

    public ITargetDefinition DependentFor(params Target[] targets) => AddAll(DependentForTargets, targets);

    public ITargetDefinition DependentFor<TComponent>(params Func<TComponent, Target>[] targets) => AddAll(DependentForTargets, Of(targets));

    public ITargetDefinition After(params Target[] targets) => AddAll(_after, targets);

    public ITargetDefinition After<TComponent>(params Func<TComponent, Target>[] targets) => AddAll(_after, Of(targets));

    public ITargetDefinition Before(params Target[] targets) => AddAll(BeforeTargets, targets);

    public ITargetDefinition Before<TComponent>(params Func<TComponent, Target>[] targets) => AddAll(BeforeTargets, Of(targets));

    public ITargetDefinition Triggers(params Target[] targets) => AddAll(_triggers, targets);

    public ITargetDefinition Triggers<TComponent>(params Func<TComponent, Target>[] targets) => AddAll(_triggers, Of(targets));

    public ITargetDefinition TriggeredBy(params Target[] targets) => AddAll(TriggeredByTargets, targets);

    public ITargetDefinition TriggeredBy<TComponent>(params Func<TComponent, Target>[] targets) => AddAll(TriggeredByTargets, Of(targets));

    public ITargetDefinition OnlyWhenStatic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? conditionText = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        _static.Add(new TargetCondition(condition, conditionText ?? "condition"));
        return this;
    }

    public ITargetDefinition OnlyWhenDynamic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? conditionText = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        _dynamic.Add(new TargetCondition(condition, conditionText ?? "condition"));
        return this;
    }

    public ITargetDefinition Requires<T>(Expression<Func<T>> parameter, [CallerArgumentExpression(nameof(parameter))] string? parameterText = null)
    {
        var member = MemberName(parameter);
        _requirements.Add(new TargetRequirement.Parameter(member));
        _usedParameters.Add(member);
        return this;
    }

    public ITargetDefinition Requires(Expression<Func<bool>> condition, [CallerArgumentExpression(nameof(condition))] string? conditionText = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        _requirements.Add(new TargetRequirement.Check(new TargetCondition(condition.Compile(), conditionText ?? condition.ToString())));
        return this;
    }

    public ITargetDefinition RequiresTool(string toolName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toolName);
        _requirements.Add(new TargetRequirement.Tool(toolName));
        return this;
    }

    public ITargetDefinition Uses<T>(Expression<Func<T>> parameter)
    {
        _usedParameters.Add(MemberName(parameter));
        return this;
    }

    public ITargetDefinition WhenSkipped(DependencyBehavior behavior)
    {
        _whenSkipped = behavior;
        return this;
    }

    public ITargetDefinition ProceedAfterFailure()
    {
        _proceedAfterFailure = true;
        return this;
    }

    public ITargetDefinition AssuredAfterFailure()
    {
        _assuredAfterFailure = true;
        return this;
    }

    public ITargetDefinition Unlisted()
    {
        _unlisted = true;
        return this;
    }

    public ITargetDefinition Produces(params string[] paths)
    {
        _produces.AddRange(paths);
        return this;
    }

    public ITargetDefinition Consumes(params Target[] targets)
    {
        _consumes.AddRange(targets.Select(t => new ArtifactConsumption(resolve(t), [])));
        return this;
    }

    public ITargetDefinition Consumes(Target target, params string[] paths)
    {
        _consumes.Add(new ArtifactConsumption(resolve(target), [.. paths]));
        return this;
    }

    public ITargetDefinition Consumes<TComponent>(Func<TComponent, Target> target, params string[] paths) =>
        Consumes(Of([target])[0], paths);

    public ITargetDefinition ConsumesIfPresent(Target target, params string[] paths)
    {
        _consumes.Add(new ArtifactConsumption(resolve(target), [.. paths]) { IfPresent = true });
        return this;
    }

    public ITargetDefinition ConsumesIfPresent<TComponent>(Func<TComponent, Target> target, params string[] paths) =>
        ConsumesIfPresent(Of([target])[0], paths);

    public ITargetDefinition Inputs(params string[] globs)
    {
        _inputs.AddRange(globs);
        return this;
    }

    public ITargetDefinition Outputs(params string[] globs)
    {
        _outputs.AddRange(globs);
        return this;
    }

    public ITargetDefinition Inherit<TComponent>(Expression<Func<TComponent, Target>> target)
    {
        var baseTarget = DefaultImplementations.Invoke(build, target, name);
        return baseTarget(this);
    }

    public ITargetDefinition Exclusive(params string[] resources)
    {
        _exclusive.AddRange(resources);
        return this;
    }

    public ITargetDefinition Annotate(object annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        _annotations.Add(annotation);
        return this;
    }

    public TargetSpec ToSpec(Type declaringType) => new()
    {
        Name = name,
        DeclaringType = declaringType,
        Description = _description,
        Actions = [.. _actions],
        ActionMethods = [.. _actionMethods],
        DependsOn = Distinct(_dependsOn),
        After = Distinct(_after),
        Triggers = Distinct(_triggers),
        StaticConditions = [.. _static],
        DynamicConditions = [.. _dynamic],
        Requirements = [.. _requirements],
        UsedParameters = Distinct(_usedParameters),
        WhenSkipped = _whenSkipped,
        ProceedAfterFailure = _proceedAfterFailure,
        AssuredAfterFailure = _assuredAfterFailure,
        Unlisted = _unlisted,
        Produces = Distinct(_produces),
        Consumes = [.. _consumes],
        Inputs = Distinct(_inputs),
        Outputs = Distinct(_outputs),
        Annotations = [.. _annotations],
        ExclusiveResources = Distinct(_exclusive),
    };

    private static ImmutableArray<string> Distinct(List<string> values) => [.. values.Distinct(StringComparer.Ordinal)];

    private static string MemberName(LambdaExpression expression)
    {
        var body = expression.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : expression.Body;
        return body is MemberExpression member
            ? member.Member.Name
            : throw new TollgateException($"Requires/Uses expects a parameter member such as '() => ApiKey', not '{expression}'.");
    }

    private Target[] Of<TComponent>(Func<TComponent, Target>[] selectors)
    {
        if (build is not TComponent component)
        {
            throw new TollgateException(
                $"Target '{name}' refers to a target of {typeof(TComponent).Name}, but the build class {build.GetType().Name} does not implement it. Add {typeof(TComponent).Name} to the class's interfaces.");
        }

        return [.. selectors.Select(s => s(component))];
    }

    private TargetDefinition AddAll(List<string> list, Target[] targets)
    {
        list.AddRange(targets.Select(resolve));
        return this;
    }

    private TargetDefinition AddAction(Func<CancellationToken, Task> action)
    {
        _actions.Add(action);
        return this;
    }
}
