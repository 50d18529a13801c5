using ResearchAssistant.Retrieval;

namespace ResearchAssistant.Tests;

public sealed class TokenizerTests
{
    private readonly Tokenizer _tokenizer = new();

    [Fact]
    public void Words_are_lower_cased_and_stop_words_dropped()
    {
        _tokenizer.Tokenize("What is the Team plan?").Should().Equal("team", "plan");
    }

    [Fact]
    public void Plurals_fold_to_the_singular()
    {
        _tokenizer.Tokenize("seats policies notebooks access status").Should().Equal("seat", "policy", "notebook", "access", "status");
    }

    [Fact]
    public void Inflections_of_one_word_meet_on_the_same_term()
    {
        _tokenizer.Tokenize("supported supports support").Distinct().Should().Equal("support");
        _tokenizer.Tokenize("change changes changed changing").Distinct().Should().Equal("chang");
        _tokenizer.Tokenize("billing billed bill").Distinct().Should().Equal("bill");
    }

    [Fact]
    public void Numbers_with_separators_stay_whole()
    {
        _tokenizer.Tokenize("1,000 requests in release 4.2, costing $12.").Should().Equal("1000", "request", "releas", "4.2", "cost", "12");
    }

    [Fact]
    public void Punctuation_and_symbols_split_terms()
    {
        _tokenizer.Tokenize("AES-256 (at rest); HMAC-SHA256!").Should().Equal("aes", "256", "rest", "hmac", "sha256");
    }
}
