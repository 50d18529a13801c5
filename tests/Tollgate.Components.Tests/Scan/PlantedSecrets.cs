using System.Security.Cryptography;

namespace Tollgate.Components.Tests.Scan;

/// <summary>
/// Values in the shape of real credentials, generated at run time (split literals), so this repository never holds a
/// real-looking key and its own scan stays clean.
/// </summary>
internal static class PlantedSecrets
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A JSON Web Token: rule SEC014, severity high.</summary>
    public static string Jwt() => string.Concat("ey", "J") + Random(20) + "." + string.Concat("ey", "J") + Random(30) + "." + Random(43);

    /// <summary>A GitHub personal access token: rule SEC005, severity critical.</summary>
    public static string GitHubToken() => string.Concat("gh", "p_") + Random(36);

    private static string Random(int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => Alnum[RandomNumberGenerator.GetInt32(Alnum.Length)])]);
}
