namespace Tollgate.Evaluation;

/// <summary>How the response cache is used.</summary>
public enum CacheMode
{
    /// <summary>Read hits, call and store on a miss (the default).</summary>
    ReadWrite,

    /// <summary>Read hits; a miss is an error naming the case (replay in CI without credentials).</summary>
    ReadOnly,

    /// <summary>Never read or write.</summary>
    Off,

    /// <summary>Always call and overwrite.</summary>
    Refresh,
}
