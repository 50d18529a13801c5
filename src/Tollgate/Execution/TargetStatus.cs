namespace Tollgate;

/// <summary>How a target ended.</summary>
public enum TargetStatus
{
    /// <summary>Never started: a dependency failed or the build stopped first.</summary>
    NotRun,

    /// <summary>Ran and succeeded.</summary>
    Succeeded,

    /// <summary>Ran and failed.</summary>
    Failed,

    /// <summary>Skipped; the result's note says why.</summary>
    Skipped,

    /// <summary>Incremental: inputs, parameters and definition match the last success.</summary>
    UpToDate,

    /// <summary>Was running when the build was cancelled (failure elsewhere or Ctrl-C).</summary>
    Aborted,

    /// <summary>Has no actions of its own; its dependencies succeeded.</summary>
    Collective,
}
