using Microsoft.ML.Tokenizers;

namespace Tollgate.Evaluation.Prompts;

/// <summary>
/// Counts tokens with Microsoft.ML.Tokenizers' tiktoken encodings: <c>cl100k_base</c> for the GPT-4 / GPT-3.5 family and
/// the text-embedding models, <c>o200k_base</c> for GPT-4o, GPT-4.1, GPT-5, the o-series and every other model. For
/// models of other vendors (Llama, Mistral, Claude) o200k_base is an approximation: their own tokenizers differ.
/// </summary>
internal static class TokenCounter
{
    /// <summary>The encoding of GPT-4o and later OpenAI models, and the default.</summary>
    public const string O200kBase = "o200k_base";

    /// <summary>The encoding of GPT-4, GPT-3.5 and the text-embedding-3 / ada-002 models.</summary>
    public const string Cl100kBase = "cl100k_base";

    private static readonly string[] Cl100kPrefixes = ["gpt-4-", "gpt-3.5", "text-embedding-3", "text-embedding-ada-002"];

    // The vocabularies are large (a few MB); each is loaded once, on first use, from its data package.
    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding(O200kBase));
    private static readonly Lazy<Tokenizer> Cl100k = new(() => TiktokenTokenizer.CreateForEncoding(Cl100kBase));

    /// <summary>The encoding used for <paramref name="model"/> (null: the default, o200k_base).</summary>
    public static string EncodingFor(string? model)
    {
        var name = model?.Trim().ToLowerInvariant() ?? string.Empty;
        var slash = name.LastIndexOf('/');
        name = slash >= 0 ? name[(slash + 1)..] : name;
        return name == "gpt-4" || Cl100kPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)) ? Cl100kBase : O200kBase;
    }

    /// <summary>The number of tokens of <paramref name="text"/> in the encoding of <paramref name="model"/>.</summary>
    public static int Count(string? text, string? model = null) =>
        string.IsNullOrEmpty(text) ? 0 : (EncodingFor(model) == Cl100kBase ? Cl100k : O200k).Value.CountTokens(text);
}
