using System.Security.Cryptography;

namespace Tollgate.Security.Tests.Support;

/// <summary>
/// Secrets in the shape of real ones, generated at run time so that no real-looking key is ever committed (and the
/// repository's own scan stays clean).
/// </summary>
internal static class FakeSecrets
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Upper32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string Base64 = Alnum + "+/";

    public static string Random(int length, string alphabet = Alnum) =>
        new([.. Enumerable.Range(0, length).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)])]);

    public static string OpenAi() => "sk-" + "proj-" + Random(40) + string.Concat("T3Blb", "kFJ") + Random(40);

    public static string Anthropic() => string.Concat("sk-", "ant-", "api03-") + Random(93) + "AA";

    public static string AwsKeyId() => string.Concat("AK", "IA") + Random(16, Upper32);

    public static string AwsSecret() => Random(40, Base64);

    public static string GitHub() => string.Concat("gh", "p_") + Random(36);

    public static string Slack() => string.Concat("xo", "xb-") + Random(11, "0123456789") + "-" + Random(12, "0123456789") + "-" + Random(24);

    public static string Google() => string.Concat("AI", "za") + Random(35);

    public static string AzureStorageKey() => Random(86, Base64) + "==";

    public static string AzureAdSecret() => Random(3) + "8" + "Q~" + Random(34);

    public static string Jwt() => string.Concat("ey", "J") + Random(20) + "." + string.Concat("ey", "J") + Random(30) + "." + Random(43);

    public static string Password() => Random(20);

    public static string PrivateKeyBlock() =>
        $"-----BEGIN RSA {"PRIVATE"} KEY-----\n{Random(64, Base64)}\n{Random(64, Base64)}\n{Random(40, Base64)}\n-----END RSA {"PRIVATE"} KEY-----";
}
