using System.Text.RegularExpressions;
using Tollgate.GitHubActions.Yaml;

namespace Tollgate.GitHubActions;

/// <summary>
/// The step of a <see cref="GitOpsCommit"/>: writes the digest into the values file on top of the branch's newest commit
/// and pushes, retrying when someone pushed in between. Paths and names reach the script only through <c>env:</c>.
/// </summary>
internal static partial class GitOpsStep
{
    // The script checks the digest's shape, so a broken target cannot commit garbage that the controller would roll out.
    internal const string Script = """
        set -euo pipefail
        digest="$(tr -d '[:space:]' < "$DIGEST_FILE")"
        if [[ ! "$digest" =~ ^sha256:[0-9a-f]{64}$ ]]; then
          echo "::error file=$DIGEST_FILE::expected an image digest (sha256: and 64 hex digits), found '$digest'"
          exit 1
        fi
        git config user.name "github-actions[bot]"
        git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
        for attempt in 1 2 3; do
          git fetch --quiet --depth=1 origin "$GITOPS_BRANCH"
          git checkout --quiet -B tollgate-gitops FETCH_HEAD
          if ! grep -qE "^[[:space:]]*${VALUES_KEY}:" "$VALUES_FILE"; then
            echo "::error file=$VALUES_FILE::no '${VALUES_KEY}:' line to write the digest to"
            exit 1
          fi
          sed -i -E "0,/^([[:space:]]*${VALUES_KEY}:).*/s||\1 \"${digest}\"|" "$VALUES_FILE"
          if git diff --quiet -- "$VALUES_FILE"; then
            echo "$VALUES_FILE already holds $digest"
            exit 0
          fi
          git add -- "$VALUES_FILE"
          git commit --quiet -m "Roll out ${digest} (${VALUES_FILE})"
          if git push --quiet origin "HEAD:refs/heads/${GITOPS_BRANCH}"; then
            echo "Committed ${digest} to ${VALUES_FILE} on ${GITOPS_BRANCH} (attempt ${attempt})"
            exit 0
          fi
        done
        echo "::error::could not push ${VALUES_FILE} to ${GITOPS_BRANCH} after 3 attempts"
        exit 1

        """;

    public static YamlMap Render(GitOpsCommit commit)
    {
        if (!KeyPattern().IsMatch(commit.Key))
        {
            throw new TollgateException($"CommitsImageDigest: the key '{commit.Key}' goes into a sed pattern; use letters, digits, '_' and '-' (the last segment of the YAML path, e.g. digest).");
        }

        return new YamlMap()
            .Add("name", $"Commit the image digest to {commit.ValuesFile}")
            .Add("env", new YamlMap()
                .Add("DIGEST_FILE", commit.DigestFile)
                .Add("VALUES_FILE", commit.ValuesFile)
                .Add("VALUES_KEY", commit.Key)
                .Add("GITOPS_BRANCH", commit.Branch))
            .Add("run", YamlNode.Text(Script));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex KeyPattern();
}
