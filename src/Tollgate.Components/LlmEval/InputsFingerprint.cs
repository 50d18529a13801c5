using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Tollgate.Components.LlmEval;

/// <summary>A SHA-256 over the paths and contents of the files matching globs under a root (bin/ and obj/ left out).</summary>
internal static class InputsFingerprint
{
    /// <summary>
    /// The fingerprint of the files under <paramref name="root"/> matching <paramref name="globs"/>, without those under
    /// <paramref name="excluded"/> (the response cache, which a run writes).
    /// </summary>
    public static string Compute(AbsolutePath root, IEnumerable<string> globs, params IEnumerable<string> excluded)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (var glob in globs)
        {
            if (Path.IsPathRooted(glob) || glob.Split('/', '\\').Contains(".."))
            {
                throw new TollgateException($"the input glob '{glob}' leaves the repository; use a path relative to the root such as src/MyService/**");
            }

            matcher.AddInclude(glob);
        }

        matcher.AddExclude("**/bin/**").AddExclude("**/obj/**");
        foreach (var folder in excluded)
        {
            matcher.AddExclude(Path.GetRelativePath(root, Path.GetFullPath(folder, root)).Replace('\\', '/') + "/**");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in matcher.GetResultsInFullPath(root).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(root, file)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
