using System.Text.RegularExpressions;

namespace Tollgate.Security.Secrets;

/// <summary>The built-in secret rules (SEC001-SEC015).</summary>
internal static partial class SecretRules
{
    private const string Rotate = "Revoke and rotate the credential at its provider now (it is in the repository), then load it at run time from a secret store or the CI's secrets.";

    /// <summary>All built-in rules, specific ones first.</summary>
    public static IReadOnlyList<SecretRule> All { get; } =
    [
        Rule("SEC001", "OpenAiApiKey", "An OpenAI API key.", Severity.Critical, ["sk-"], OpenAi()),
        Rule("SEC002", "AnthropicApiKey", "An Anthropic API key.", Severity.Critical, ["sk-ant-"], Anthropic()),
        Rule("SEC003", "AwsAccessKeyId", "An AWS access key id.", Severity.Critical, ["AKIA", "ASIA", "ABIA", "ACCA"], AwsKeyId()),
        Rule("SEC004", "AwsSecretAccessKey", "An AWS secret access key assigned to an aws...secret name.", Severity.Critical, ["aws"], AwsSecret()) with { MinEntropy = 4.0 },
        Rule("SEC005", "GitHubToken", "A GitHub personal access, OAuth, app or refresh token.", Severity.Critical, ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"], GitHub()),
        Rule("SEC006", "SlackToken", "A Slack bot, user or app token.", Severity.Critical, ["xox"], SlackToken()),
        Rule("SEC007", "SlackWebhook", "A Slack incoming-webhook URL.", Severity.High, ["hooks.slack.com"], SlackWebhook()),
        Rule("SEC008", "GoogleApiKey", "A Google (GCP, Firebase, Maps) API key.", Severity.Critical, ["AIza"], Google()),
        Rule("SEC009", "AzureStorageAccountKey", "An Azure storage account key in a connection string.", Severity.Critical, ["AccountKey="], AzureStorage()),
        Rule("SEC010", "AzureAdClientSecret", "An Azure AD (Entra ID) application client secret.", Severity.Critical, ["Q~"], AzureAd()) with { MinEntropy = 3.0 },
        Rule("SEC011", "PrivateKey", "A private key block (PEM, OpenSSH, PGP).", Severity.Critical, ["PRIVATE KEY"], PrivateKey()) with { ValueFollowsMatch = true },
        Rule("SEC012", "ConnectionStringPassword", "A connection string with a password.", Severity.High, ["password=", "pwd="], ConnectionString()) with { MinEntropy = 2.0 },
        Rule("SEC013", "UrlWithPassword", "A URL with a user name and password in it.", Severity.High, ["://"], UrlCredentials()) with { MinEntropy = 2.0 },
        Rule("SEC014", "JsonWebToken", "A JSON Web Token (a bearer credential until it expires).", Severity.High, ["eyJ"], Jwt()),
        Rule("SEC015", "HighEntropySecretAssignment", "A high-entropy value assigned to a name like key, secret, token or password.", Severity.High, ["key", "secret", "token", "passw", "pwd", "credential"], Generic())
            with { MinEntropy = 3.5, RequireLettersAndDigits = true, IsGeneric = true },
    ];

    /// <summary>The rules' descriptors.</summary>
    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [.. All.Select(r => r.Descriptor)];

    private static SecretRule Rule(string id, string name, string description, Severity severity, string[] keywords, Regex pattern) =>
        new(new RuleDescriptor(id, name, description, Rotate + " To accept a test value, add 'tollgate:allow <fingerprint>' on the line or an entry with a reason in the ignore file.", severity), keywords, pattern);

    [GeneratedRegex(@"\b(?<secret>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}|sk-[A-Za-z0-9]{48})(?![A-Za-z0-9_-])")]
    private static partial Regex OpenAi();

    [GeneratedRegex(@"\b(?<secret>sk-ant-(?:api|admin|oat)\d{2}-[A-Za-z0-9_-]{80,120})(?![A-Za-z0-9_-])")]
    private static partial Regex Anthropic();

    [GeneratedRegex(@"(?<![A-Z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Z0-9])")]
    private static partial Regex AwsKeyId();

    [GeneratedRegex(@"(?i)aws[\w.-]{0,20}?(?:secret|sk)[\w.-]{0,20}?[""']?\s*(?:=|:|:=|=>)\s*[""']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])")]
    private static partial Regex AwsSecret();

    [GeneratedRegex(@"\b(?<secret>gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])")]
    private static partial Regex GitHub();

    [GeneratedRegex(@"\b(?<secret>xox[abposr]-(?:\d{6,}-){1,3}[A-Za-z0-9-]{10,})")]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"(?<secret>https://hooks\.slack\.com/(?:services|workflows)/T[A-Z0-9]{6,}/[A-Z0-9]{6,}/[A-Za-z0-9]{20,})")]
    private static partial Regex SlackWebhook();

    [GeneratedRegex(@"(?<secret>AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])")]
    private static partial Regex Google();

    [GeneratedRegex(@"AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)")]
    private static partial Regex AzureStorage();

    [GeneratedRegex(@"(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])")]
    private static partial Regex AzureAd();

    [GeneratedRegex(@"-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"(?i)(?:server|host|data source|address|addr|endpoint)\s*=[^;]*;.*?\b(?:password|pwd)\s*=\s*(?<secret>[^;'""\s]{3,})")]
    private static partial Regex ConnectionString();

    [GeneratedRegex(@"(?i)\b[a-z][a-z0-9+.-]{1,20}://[^/\s:@'""]{1,64}:(?<secret>[^/\s:@'""]{3,128})@[^\s/'""]+")]
    private static partial Regex UrlCredentials();

    [GeneratedRegex(@"\b(?<secret>eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})")]
    private static partial Regex Jwt();

    // Starts at the keyword (a literal prefix the regex engine searches for fast), not at the name's first character:
    // a leading [a-z0-9_.-]* would be retried from every position of the line.
    [GeneratedRegex(@"(?i)(?<name>(?:key|secret|token|passw(?:or)?d|pwd|credential)[a-z0-9_.-]{0,40})[""']?\s*(?:=|:|:=|=>)\s*[""'`]?(?<secret>[A-Za-z0-9+/=_\-.~]{16,200})(?![A-Za-z0-9+/=_\-.~])")]
    private static partial Regex Generic();
}
