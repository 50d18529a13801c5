namespace Tollgate;

/// <summary>A progress bar: dispose it when done.</summary>
public interface IBuildProgress : IDisposable
{
    /// <summary>Advances by <paramref name="count"/> and optionally replaces the status text (e.g. "pass rate 92 %").</summary>
    void Increment(int count = 1, string? status = null);
}
