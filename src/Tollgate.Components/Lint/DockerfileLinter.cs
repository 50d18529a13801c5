using System.Text.RegularExpressions;

namespace Tollgate.Components.Lint;

/// <summary>
/// A few Dockerfile rules that catch real problems, each reported at the instruction's first line. Shared by the Lint
/// and Scan stages.
/// <list type="bullet">
/// <item><c>DF001</c> (warning): a base image without a tag or with <c>:latest</c> (pin it, or take it as an <c>ARG</c>).</item>
/// <item><c>DF002</c> (error): the final stage has no <c>USER</c>, or switches to root: the container runs as root.</item>
/// <item><c>DF003</c> (error): <c>ADD</c> of a URL (unverified download; use <c>RUN curl</c> with a checksum, or <c>COPY</c>).</item>
/// <item><c>DF004</c> (error): <c>ENV</c>/<c>ARG</c> that sets a secret-looking name (<c>*_KEY</c>, <c>*PASSWORD*</c>, <c>*TOKEN*</c>, <c>*SECRET*</c>) to a value: it stays in the image's layers.</item>
/// <item><c>DF005</c> (warning): <c>apt-get install</c> without <c>--no-install-recommends</c> (larger image, more CVEs).</item>
/// </list>
/// </summary>
public static partial class DockerfileLinter
{
    /// <summary>Lints the text of a Dockerfile.</summary>
    /// <param name="text">The Dockerfile.</param>
    /// <param name="displayPath">The file the diagnostics name.</param>
    public static IReadOnlyList<Diagnostic> Lint(string text, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        var instructions = DockerfileInstruction.Read(text);
        var stageNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lastFromLine = 0;
        string? lastUser = null;
        var lastUserLine = 0;
        foreach (var instruction in instructions)
        {
            switch (instruction.Keyword)
            {
                case "FROM":
                    CheckFrom(instruction, stageNames, displayPath, diagnostics);
                    lastFromLine = instruction.Line;
                    lastUser = null;
                    break;
                case "USER":
                    lastUser = instruction.Arguments.Trim();
                    lastUserLine = instruction.Line;
                    break;
                case "ADD" when UrlSource().IsMatch(instruction.Arguments):
                    diagnostics.Add(new Diagnostic(LogLevel.Error, "ADD downloads a URL without verifying it. Use 'RUN curl -fsSL <url> -o <file> && echo \"<sha256>  <file>\" | sha256sum -c', or COPY a vendored file.", displayPath, instruction.Line, null, "DF003"));
                    break;
                case "ENV" or "ARG":
                    CheckSecrets(instruction, displayPath, diagnostics);
                    break;
                case "RUN" when AptInstall().IsMatch(instruction.Arguments) && !instruction.Arguments.Contains("--no-install-recommends", StringComparison.Ordinal):
                    diagnostics.Add(new Diagnostic(LogLevel.Warning, "apt-get install without --no-install-recommends pulls in extra packages (a larger image with more CVEs). Add --no-install-recommends.", displayPath, instruction.Line, null, "DF005"));
                    break;
                default:
                    break;
            }
        }

        if (lastFromLine > 0)
        {
            if (lastUser is null)
            {
                diagnostics.Add(new Diagnostic(LogLevel.Error, "The final stage has no USER instruction, so the container runs as root. Add a non-root user (e.g. 'USER app' or 'USER 1000').", displayPath, lastFromLine, null, "DF002"));
            }
            else if (lastUser.Split(':')[0] is "root" or "0")
            {
                diagnostics.Add(new Diagnostic(LogLevel.Error, $"The final stage runs as '{lastUser}' (root). Switch to a non-root user (e.g. 'USER app' or 'USER 1000').", displayPath, lastUserLine, null, "DF002"));
            }
        }

        return diagnostics;
    }

    private static void CheckFrom(DockerfileInstruction instruction, HashSet<string> stageNames, string displayPath, List<Diagnostic> diagnostics)
    {
        var words = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (words.Count == 0)
        {
            return;
        }

        var image = words[0];
        var isEarlierStage = stageNames.Contains(image);
        if (words.Count >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase))
        {
            stageNames.Add(words[2]);
        }

        // A variable, an earlier stage, 'scratch' and digests are fine.
        if (isEarlierStage || image.Contains('$', StringComparison.Ordinal) || image == "scratch" || image.Contains('@', StringComparison.Ordinal))
        {
            return;
        }

        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        var tag = lastSegment.Contains(':', StringComparison.Ordinal) ? lastSegment[(lastSegment.IndexOf(':', StringComparison.Ordinal) + 1)..] : null;
        if (tag is null || tag == "latest")
        {
            diagnostics.Add(new Diagnostic(
                LogLevel.Warning,
                $"Base image '{image}' is not pinned ({(tag is null ? "no tag" : ":latest")}), so builds are not reproducible. Pin a version tag or digest, or take it as a build argument ('ARG BASE_IMAGE=image:1.2' then 'FROM $BASE_IMAGE').",
                displayPath,
                instruction.Line,
                null,
                "DF001"));
        }
    }

    private static void CheckSecrets(DockerfileInstruction instruction, string displayPath, List<Diagnostic> diagnostics)
    {
        foreach (var (name, value) in instruction.KeyValues())
        {
            if (value.Length > 0 && SecretName().IsMatch(name))
            {
                diagnostics.Add(new Diagnostic(
                    LogLevel.Error,
                    $"{instruction.Keyword} sets '{name}' to a value: a secret in {instruction.Keyword} stays in the image's layers and history. Pass it at run time (environment, mounted secret) or with 'RUN --mount=type=secret'.",
                    displayPath,
                    instruction.Line,
                    null,
                    "DF004"));
            }
        }
    }

    [GeneratedRegex(@"^\s*(--\S+\s+)*(https?|ftp)://", RegexOptions.IgnoreCase)]
    private static partial Regex UrlSource();

    [GeneratedRegex(@"\bapt-get\s+(\S+\s+)*install\b")]
    private static partial Regex AptInstall();

    [GeneratedRegex(@"(_KEY$|^KEY$|PASSWORD|PASSWD|TOKEN|SECRET|CREDENTIAL)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
