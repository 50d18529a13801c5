namespace ResearchAssistant.Metrics;

/// <summary>Lock-free addition to a double shared between threads.</summary>
internal static class AtomicDouble
{
    public static void Add(ref double target, double value)
    {
        var current = Volatile.Read(ref target);
        while (true)
        {
            var observed = Interlocked.CompareExchange(ref target, current + value, current);
            if (observed.Equals(current))
            {
                return;
            }

            current = observed;
        }
    }
}
