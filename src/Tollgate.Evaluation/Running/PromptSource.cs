namespace Tollgate.Evaluation;

/// <summary>The system and user templates of an OpenAI provider: inline in the suite, or from a prompt file.</summary>
internal static class PromptSource
{
    public static (string? System, string User) Resolve(EvalSuite suite)
    {
        var spec = suite.Provider;
        if (spec.User is not null)
        {
            return (spec.System, spec.User);
        }

        throw new SuiteException(spec.Location, "provider.prompt", $"prompt file '{spec.PromptFile}' cannot be read yet; give 'system' and 'user' templates inline");
    }
}
