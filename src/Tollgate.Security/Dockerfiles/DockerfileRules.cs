using System.Text.RegularExpressions;

namespace Tollgate.Security.Dockerfiles;

/// <summary>
/// Dockerfile rules, each reported at the instruction's first line. The Lint stage reports DF001-DF005 as errors and
/// warnings; the Scan stage reports all of them as findings.
/// </summary>
public static partial class DockerfileRules
{
    /// <summary>The rules.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        new("DF001", "UnpinnedBaseImage", "A base image without a tag or with :latest.", "Pin a version tag or digest, or take the base as a build argument ('ARG BASE_IMAGE=image:1.2' then 'FROM $BASE_IMAGE').", Severity.Medium),
        new("DF002", "RunsAsRoot", "The final stage has no USER, or switches to root.", "Add a non-root user to the final stage (e.g. 'USER app' or 'USER 1000').", Severity.High),
        new("DF003", "AddFromUrl", "ADD downloads a URL without verifying it.", "Use 'RUN curl -fsSL <url> -o <file> && echo \"<sha256>  <file>\" | sha256sum -c', or COPY a vendored file.", Severity.High),
        new("DF004", "SecretInEnvOrArg", "ENV or ARG sets a secret-looking name to a value; it stays in the image's layers.", "Pass the secret at run time (environment, mounted secret) or with 'RUN --mount=type=secret'.", Severity.High),
        new("DF005", "AptInstallRecommends", "apt-get install without --no-install-recommends.", "Add --no-install-recommends (a smaller image with fewer CVEs).", Severity.Low),
        new("DF006", "PipeToShell", "A downloaded script is piped into a shell (curl | sh).", "Download to a file, verify its checksum or signature, then run it.", Severity.High),
        new("DF007", "NoHealthcheck", "The final stage has no HEALTHCHECK.", "Add 'HEALTHCHECK CMD ...' (or 'HEALTHCHECK NONE' when the orchestrator probes the container, saying so in a comment).", Severity.Low),
    ];

    /// <summary>A problem one rule found.</summary>
    /// <param name="Rule">The rule.</param>
    /// <param name="Line">The instruction's first line.</param>
    /// <param name="Message">What is wrong and how to fix it (never a secret value).</param>
    /// <param name="Evidence">The offending instruction (for the fingerprint).</param>
    public sealed record Issue(RuleDescriptor Rule, int Line, string Message, string Evidence);

    /// <summary>Checks the text of a Dockerfile.</summary>
    public static IReadOnlyList<Issue> Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var issues = new List<Issue>();
        var stageNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        DockerfileInstruction? lastFrom = null;
        DockerfileInstruction? lastUser = null;
        var hasHealthcheck = false;
        foreach (var instruction in DockerfileInstruction.Read(text))
        {
            switch (instruction.Keyword)
            {
                case "FROM":
                    CheckFrom(instruction, stageNames, issues);
                    (lastFrom, lastUser, hasHealthcheck) = (instruction, null, false);
                    break;
                case "USER":
                    lastUser = instruction;
                    break;
                case "HEALTHCHECK":
                    hasHealthcheck = true;
                    break;
                case "ADD" when UrlSource().IsMatch(instruction.Arguments):
                    issues.Add(new Issue(All[2], instruction.Line, "ADD downloads a URL without verifying it. " + All[2].Help, instruction.Arguments));
                    break;
                case "ENV" or "ARG":
                    foreach (var (name, value) in instruction.KeyValues().Where(kv => kv.Value.Length > 0 && SecretName().IsMatch(kv.Name)))
                    {
                        issues.Add(new Issue(All[3], instruction.Line, $"{instruction.Keyword} sets '{name}' to a value: a secret in {instruction.Keyword} stays in the image's layers and history. {All[3].Help}", $"{name}={value}"));
                    }

                    break;
                case "RUN":
                    if (AptInstall().IsMatch(instruction.Arguments) && !instruction.Arguments.Contains("--no-install-recommends", StringComparison.Ordinal))
                    {
                        issues.Add(new Issue(All[4], instruction.Line, "apt-get install without --no-install-recommends pulls in extra packages (a larger image with more CVEs). Add --no-install-recommends.", instruction.Arguments));
                    }

                    if (PipeToShell().IsMatch(instruction.Arguments))
                    {
                        issues.Add(new Issue(All[5], instruction.Line, "A downloaded script is piped into a shell: whatever the server returns runs in the build. " + All[5].Help, instruction.Arguments));
                    }

                    break;
                default:
                    break;
            }
        }

        if (lastFrom is not null)
        {
            CheckFinalStage(lastFrom, lastUser, hasHealthcheck, issues);
        }

        return [.. issues.OrderBy(i => i.Line)];
    }

    private static void CheckFinalStage(DockerfileInstruction from, DockerfileInstruction? user, bool hasHealthcheck, List<Issue> issues)
    {
        var userName = user?.Arguments.Trim();
        if (user is null)
        {
            issues.Add(new Issue(All[1], from.Line, "The final stage has no USER instruction, so the container runs as root. Add a non-root user (e.g. 'USER app' or 'USER 1000').", from.Arguments));
        }
        else if (userName!.Split(':')[0] is "root" or "0")
        {
            issues.Add(new Issue(All[1], user.Line, $"The final stage runs as '{userName}' (root). Switch to a non-root user (e.g. 'USER app' or 'USER 1000').", user.Arguments));
        }

        if (!hasHealthcheck)
        {
            issues.Add(new Issue(All[6], from.Line, "The final stage has no HEALTHCHECK, so a hung process looks healthy to Docker. " + All[6].Help, from.Arguments));
        }
    }

    private static void CheckFrom(DockerfileInstruction instruction, HashSet<string> stageNames, List<Issue> issues)
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
            issues.Add(new Issue(All[0], instruction.Line, $"Base image '{image}' is not pinned ({(tag is null ? "no tag" : ":latest")}), so builds are not reproducible. {All[0].Help}", image));
        }
    }

    [GeneratedRegex(@"^\s*(--\S+\s+)*(https?|ftp)://", RegexOptions.IgnoreCase)]
    private static partial Regex UrlSource();

    [GeneratedRegex(@"\bapt-get\s+(\S+\s+)*install\b")]
    private static partial Regex AptInstall();

    [GeneratedRegex(@"\b(curl|wget)\b[^|;&]*\|\s*(sudo\s+)?(ba|z|da)?sh\b")]
    private static partial Regex PipeToShell();

    [GeneratedRegex(@"(_KEY$|^KEY$|PASSWORD|PASSWD|TOKEN|SECRET|CREDENTIAL)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
