namespace Tollgate;

/// <summary>Standard notes the executor puts on results.</summary>
internal static class ExecutionNotes
{
    /// <summary>A target skipped by <c>--continue</c> because it succeeded in the failed run.</summary>
    public const string ContinuedSuccess = "succeeded in the previous run (--continue)";
}
