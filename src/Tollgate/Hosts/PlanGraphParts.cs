using System.Collections.Immutable;

namespace Tollgate;

/// <summary>A placed target: its layer (row) and its box's top-left corner.</summary>
internal sealed record PlanNode(PlannedTarget Target, int Layer, double X, double Y);

/// <summary>An edge between two plan indexes: from the target that runs first to the one that runs after it.</summary>
internal sealed record PlanEdge(int From, int To, PlanEdgeKind Kind);

/// <summary>An edge with its route: the source port, a top and bottom point per lane it passes, the target port.</summary>
internal sealed record RoutedEdge(PlanEdge Edge, ImmutableArray<PlanPoint> Points);

/// <summary>A point of the drawing.</summary>
internal readonly record struct PlanPoint(double X, double Y);

/// <summary>Why one target comes before another.</summary>
internal enum PlanEdgeKind
{
    DependsOn,
    After,
    Triggers,
}
