namespace Tollgate.Deployment.Kubernetes;

/// <summary>
/// A kubeconfig given as a [Secret] parameter: a path is used as it is; content (YAML, as a CI secret holds it) is
/// written to a file only the current user can read, deleted on dispose.
/// </summary>
public sealed class KubeconfigFile : IDisposable
{
    private readonly bool owned;

    private KubeconfigFile(string path, bool owned) => (Path, this.owned) = (path, owned);

    /// <summary>The file helm and kubectl read.</summary>
    public string Path { get; }

    /// <summary>Null for no value (the default kubeconfig); the file for a path or content.</summary>
    public static KubeconfigFile? From(string? value, string temporaryDirectory)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!value.Contains('\n', StringComparison.Ordinal) && File.Exists(value))
        {
            return new KubeconfigFile(System.IO.Path.GetFullPath(value), owned: false);
        }

        if (!value.Contains("apiVersion", StringComparison.Ordinal) && !value.Contains("clusters", StringComparison.Ordinal))
        {
            // The value is neither an existing file nor kubeconfig YAML; its text is secret, so it is not quoted.
            throw new DeploymentException("The Kubeconfig parameter is neither an existing file nor kubeconfig YAML (no 'apiVersion' or 'clusters'); pass the file's content or its path.");
        }

        Directory.CreateDirectory(temporaryDirectory);
        var path = System.IO.Path.Combine(temporaryDirectory, $"kubeconfig-{Guid.NewGuid():N}.yaml");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, System.Text.Encoding.UTF8, options))
        {
            writer.Write(value);
        }

        return new KubeconfigFile(path, owned: true);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (owned)
        {
            File.Delete(Path);
        }
    }
}
