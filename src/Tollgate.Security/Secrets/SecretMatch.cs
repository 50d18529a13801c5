namespace Tollgate.Security.Secrets;

/// <summary>A secret found in a text.</summary>
/// <param name="Rule">The rule that matched.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column of the value.</param>
/// <param name="Value">The secret value (never print it: use <see cref="Redaction.Redact"/>).</param>
public sealed record SecretMatch(SecretRule Rule, int Line, int Column, string Value);
