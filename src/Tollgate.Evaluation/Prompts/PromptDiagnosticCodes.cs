namespace Tollgate.Evaluation.Prompts;

/// <summary>The rule ids of prompt-file diagnostics.</summary>
public static class PromptDiagnosticCodes
{
    /// <summary>The file is not valid YAML or not a mapping.</summary>
    public const string Syntax = "PROMPT001";

    /// <summary>A required field is missing or empty.</summary>
    public const string MissingField = "PROMPT002";

    /// <summary>A field has the wrong type or an out-of-range value.</summary>
    public const string WrongType = "PROMPT003";

    /// <summary>A template has a syntax error (unbalanced, empty or invalid placeholder).</summary>
    public const string TemplateSyntax = "PROMPT004";

    /// <summary>A template uses a variable that <c>variables</c> does not declare.</summary>
    public const string UndeclaredVariable = "PROMPT005";

    /// <summary>A declared variable is used by no template.</summary>
    public const string UnusedVariable = "PROMPT006";

    /// <summary>The file's folder or name does not match <c>name</c>/<c>version</c>.</summary>
    public const string FileNameMismatch = "PROMPT007";

    /// <summary>The templates' token count exceeds the limit.</summary>
    public const string TokenLimit = "PROMPT008";

    /// <summary>An unknown field (a warning: likely a typo).</summary>
    public const string UnknownField = "PROMPT009";

    /// <summary>A variable is declared twice.</summary>
    public const string DuplicateVariable = "PROMPT010";
}
