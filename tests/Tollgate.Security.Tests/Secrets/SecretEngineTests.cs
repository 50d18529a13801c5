using Tollgate.Security.Secrets;
using Tollgate.Security.Tests.Support;

namespace Tollgate.Security.Tests.Secrets;

public class SecretEngineTests
{
    private readonly SecretEngine engine = new();

    public static TheoryData<string, string> Planted() => new()
    {
        { "SEC001", $"OPENAI_API_KEY={FakeSecrets.OpenAi()}" },
        { "SEC002", $"anthropic: \"{FakeSecrets.Anthropic()}\"" },
        { "SEC003", $"aws_access_key_id = {FakeSecrets.AwsKeyId()}" },
        { "SEC004", $"aws_secret_access_key = {FakeSecrets.AwsSecret()}" },
        { "SEC005", $"token: {FakeSecrets.GitHub()}" },
        { "SEC006", $"slack = '{FakeSecrets.Slack()}'" },
        { "SEC008", $"const maps = \"{FakeSecrets.Google()}\";" },
        { "SEC009", $"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={FakeSecrets.AzureStorageKey()};EndpointSuffix=core.windows.net" },
        { "SEC010", $"clientSecret: {FakeSecrets.AzureAdSecret()}" },
        { "SEC011", FakeSecrets.PrivateKeyBlock() },
        { "SEC012", $"\"Db\": \"Server=db;Database=app;User Id=app;Password={FakeSecrets.Password()};\"" },
        { "SEC013", $"url = postgres://app:{FakeSecrets.Password()}@db.internal:5432/app" },
        { "SEC014", $"Authorization: Bearer {FakeSecrets.Jwt()}" },
        // SEC015 wants letters mixed with digits; 32 random alphanumerics hold no digit about once in 280 draws.
        { "SEC015", $"my_service_api_key = \"{FakeSecrets.Random(28)}{FakeSecrets.Random(4, "0123456789")}\"" },
    };

    [Theory]
    [MemberData(nameof(Planted))]
    public void Each_rule_finds_its_planted_secret(string rule, string line)
    {
        var matches = engine.Scan($"first line\n{line}\nlast line\n");

        matches.Select(m => m.Rule.Descriptor.Id).Should().Equal(rule);
        matches[0].Line.Should().Be(2);
        line.Replace("\n", string.Empty, StringComparison.Ordinal).Should().Contain(matches[0].Value);
    }

    [Theory]
    [InlineData("var token = CancellationToken.None;")]
    [InlineData("password: ${DB_PASSWORD}")]
    [InlineData("api_key = \"<your-api-key-here>\"")]
    [InlineData("aws_access_key_id = AKIAIOSFODNN7EXAMPLE")]
    [InlineData("PublicKeyToken=b77a5c561934e089")]
    [InlineData("url = https://example.org/path?x=1")]
    [InlineData("secret_name = \"my-application-setting\"")]
    public void Placeholders_and_code_are_not_secrets(string line)
    {
        engine.Scan(line).Should().BeEmpty();
    }

    [Fact]
    public void A_specific_rule_wins_over_the_generic_assignment_rule_on_the_same_value()
    {
        var matches = engine.Scan($"GITHUB_TOKEN={FakeSecrets.GitHub()}");

        matches.Select(m => m.Rule.Descriptor.Id).Should().Equal("SEC005");
    }

    [Fact]
    public void A_private_key_header_without_a_body_is_a_placeholder()
    {
        engine.Scan($"-----BEGIN {"PRIVATE"} KEY-----\n...\n-----END {"PRIVATE"} KEY-----").Should().BeEmpty();
    }

    [Fact]
    public void Lines_and_columns_are_counted_across_many_candidate_lines()
    {
        var key = FakeSecrets.AwsKeyId();
        var text = string.Join('\n', Enumerable.Range(1, 50).Select(i => i == 37 ? $"  id: {key}" : $"key{i}: value"));

        var match = engine.Scan(text).Should().ContainSingle().Subject;

        match.Line.Should().Be(37);
        match.Column.Should().Be(7);
    }

    [Fact]
    public void Short_and_long_keywords_on_interleaved_lines_are_all_found_in_order()
    {
        // Keywords shorter than three characters (Azure's Q~) are searched apart from the others; the two searches'
        // hits must still come out in line order, also with both kinds on one line.
        var lines = Enumerable.Range(1, 40).Select(i => (i % 3) switch
        {
            0 => $"client_secret: {FakeSecrets.AzureAdSecret()}",
            1 => $"plain line {i}",
            _ => $"gh: {FakeSecrets.GitHub()} azure: {FakeSecrets.AzureAdSecret()}",
        }).ToList();

        var matches = engine.Scan(string.Join('\n', lines).AsSpan());

        var expected = Enumerable.Range(1, 40).SelectMany(line => (line % 3) switch
        {
            0 => new[] { ("SEC010", line) },
            1 => [],
            _ => [("SEC005", line), ("SEC010", line)],
        });
        matches.Select(m => (m.Rule.Descriptor.Id, m.Line)).Should().Equal(expected);
    }

    [Fact]
    public void A_lower_case_azure_marker_does_not_trigger_the_case_sensitive_rule()
    {
        engine.Scan($"client: {FakeSecrets.Random(3)}8q~{FakeSecrets.Random(34)}").Should().BeEmpty();
    }

    [Fact]
    public void A_rule_with_an_empty_keyword_is_refused_with_its_id()
    {
        var rule = SecretRules.All[0] with { Keywords = [""] };

        var create = () => new SecretEngine([rule]);

        create.Should().Throw<ArgumentException>().WithMessage("*SEC001*empty keyword*");
    }

    [Fact]
    public void Redaction_shows_at_most_four_characters_and_the_length()
    {
        var key = FakeSecrets.GitHub();

        var redacted = Redaction.Redact(key);

        redacted.Should().Be($"{key[..4]}…({key.Length} chars)");
        Redaction.Redact("abc").Should().Be("…(3 chars)");
    }

    [Fact]
    public void Entropy_separates_words_from_random_values()
    {
        Entropy.Of("passwordpassword").Should().BeLessThan(3.0);
        Entropy.Of(FakeSecrets.Random(32)).Should().BeGreaterThan(3.5);
        Entropy.Of(string.Empty).Should().Be(0);
    }
}
