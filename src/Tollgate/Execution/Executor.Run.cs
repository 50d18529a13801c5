namespace Tollgate;

internal sealed partial class Executor
{
    /// <summary>The mutable state of one execution, owned by the scheduling loop.</summary>
    private sealed class Run : IDisposable
    {
        private readonly CancellationTokenSource _graceful;
        private readonly CancellationTokenSource _abort;
        private readonly HashSet<string> _triggered = new(StringComparer.Ordinal);
        private readonly HashSet<string> _heldResources = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> _indexByName;

        public Run(ExecutionPlan plan, CancellationToken cancellation, CancellationToken abort)
        {
            Plan = plan;
            _abort = CancellationTokenSource.CreateLinkedTokenSource(abort);
            _graceful = CancellationTokenSource.CreateLinkedTokenSource(cancellation, _abort.Token);
            _graceful.Token.Register(() => Stop(cancellation.IsCancellationRequested ? "build cancelled" : StopReason ?? "build stopped"));
            Results = new TargetResult?[plan.Targets.Length];
            _indexByName = plan.Targets.Select((t, i) => (t.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
            Successors = [.. plan.Targets.Select(_ => new List<int>())];
            Waiting = new int[plan.Targets.Length];
            var predecessors = plan.PredecessorsByTarget();
            for (var i = 0; i < plan.Targets.Length; i++)
            {
                foreach (var predecessor in predecessors[plan.Targets[i].Name])
                {
                    Successors[_indexByName[predecessor]].Add(i);
                    Waiting[i]++;
                }
            }

            var chain = new int[plan.Targets.Length];
            for (var i = plan.Targets.Length - 1; i >= 0; i--)
            {
                // Plan order is topological, so successors come later and already have their chain length.
                chain[i] = 1 + Successors[i].Select(successor => chain[successor]).DefaultIfEmpty(0).Max();
            }

            Runnable = new SortedSet<int>(Comparer<int>.Create((a, b) => chain[a] != chain[b] ? chain[b].CompareTo(chain[a]) : a.CompareTo(b)));
            for (var i = 0; i < plan.Targets.Length; i++)
            {
                if (Waiting[i] == 0)
                {
                    Ready.Enqueue(i, i);
                }
            }
        }

        public ExecutionPlan Plan { get; }

        public TargetResult?[] Results { get; }

        public List<int>[] Successors { get; }

        public int[] Waiting { get; }

        public PriorityQueue<int, int> Ready { get; } = new();

        /// <summary>
        /// Targets decided to run, waiting for a slot or an exclusive resource: the one heading the longest chain of
        /// targets still to come first (the critical path decides the build's length), then plan order.
        /// </summary>
        public SortedSet<int> Runnable { get; }

        public Dictionary<int, Task<(int, TargetResult)>> Running { get; } = [];

        public CancellationToken GracefulToken => _graceful.Token;

        public CancellationToken AbortToken => _abort.Token;

        public bool Stopping { get; private set; }

        public string? StopReason { get; private set; }

        public TargetResult? ResultOf(string name) => _indexByName.TryGetValue(name, out var index) ? Results[index] : null;

        public bool WasTriggered(string name) => _triggered.Contains(name);

        /// <summary>Takes the target's exclusive resources, or returns false when a running target holds one.</summary>
        public bool TryAcquire(TargetSpec spec)
        {
            if (spec.ExclusiveResources.Any(_heldResources.Contains))
            {
                return false;
            }

            _heldResources.UnionWith(spec.ExclusiveResources);
            return true;
        }

        public void Release(TargetSpec spec) => _heldResources.ExceptWith(spec.ExclusiveResources);

        public void MarkTriggers(TargetSpec source) => _triggered.UnionWith(source.Triggers);

        public void Stop(string reason)
        {
            if (Stopping)
            {
                return;
            }

            Stopping = true;
            StopReason = reason;
            _graceful.Cancel();
        }

        public void Dispose()
        {
            _graceful.Dispose();
            _abort.Dispose();
        }
    }
}
