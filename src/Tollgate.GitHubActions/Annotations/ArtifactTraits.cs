namespace Tollgate.GitHubActions;

/// <summary>How a separate artifact (<see cref="GitHubActionsTargetExtensions.ProducesSeparateArtifact"/>) is uploaded and downloaded.</summary>
[Flags]
public enum ArtifactTraits
{
    /// <summary>Files that compress (text, reports), always written.</summary>
    None = 0,

    /// <summary>
    /// The files are compressed already (gzip, zip): <c>actions/upload-artifact</c> stores them as they are
    /// (<c>compression-level: 0</c>) instead of spending the upload on zipping them again.
    /// </summary>
    AlreadyCompressed = 1,

    /// <summary>
    /// The target writes the files only when they are needed (an image archive for an image no registry holds): the
    /// upload does not warn when there are none (<c>if-no-files-found: ignore</c>), and consumers download by
    /// <c>pattern</c>, which finds nothing instead of failing the job; the consumer must cope with the files being absent.
    /// </summary>
    MayBeAbsent = 2,
}
