namespace Tollgate.Components.Tests.DeployStaging;

/// <summary>
/// helm and kubectl as bash scripts in a bin folder: each records its arguments (one line per call) and answers like
/// the real tool: helm 4 for <c>version</c>, the given history JSON (or "release: not found") for <c>history</c>, success
/// for the rest unless told otherwise. No cluster can be had here: these stand in for it.
/// </summary>
internal sealed class FakeKubernetesTools
{
    public FakeKubernetesTools(string directory, string? history = null, string? historyError = null, int upgradeExit = 0)
    {
        Bin = Path.Combine(directory, "bin");
        Directory.CreateDirectory(Bin);
        CallLog = Path.Combine(directory, "calls.log");
        var historyBranch = historyError is not null
            ? $"echo '{historyError}' >&2; exit 1"
            : history is not null ? $"cat <<'JSON'\n{history}\nJSON\nexit 0" : "echo 'Error: release: not found' >&2; exit 1";
        Write("helm", $$"""
            #!/usr/bin/env bash
            printf 'helm %s\n' "$*" >> '{{CallLog}}'
            case "$1" in
              version) echo 'v4.1.4+gfake'; exit 0 ;;
              history) {{historyBranch}} ;;
              upgrade) exit {{upgradeExit}} ;;
              *) exit 0 ;;
            esac
            """);
        Write("kubectl", $$"""
            #!/usr/bin/env bash
            printf 'kubectl %s\n' "$*" >> '{{CallLog}}'
            echo 'deployment "research-assistant" successfully rolled out'
            """);
    }

    public string Bin { get; }

    public string CallLog { get; }

    public IReadOnlyList<string> Calls => File.Exists(CallLog) ? File.ReadAllLines(CallLog) : [];

    private void Write(string name, string script)
    {
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, script.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
