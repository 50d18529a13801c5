namespace Tollgate.Evaluation;

/// <summary>The system and user templates of an OpenAI provider (inline, or read from its prompt file by the loader).</summary>
internal static class PromptSource
{
    public static (string? System, string User) Resolve(EvalSuite suite)
    {
        var spec = suite.Provider;
        return spec.User is not null
            ? (spec.System, spec.User)
            : throw new SuiteException(spec.Location, "provider.user", "an openai provider needs a 'user' template or a 'prompt' file");
    }
}
