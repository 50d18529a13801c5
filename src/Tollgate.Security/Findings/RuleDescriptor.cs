namespace Tollgate.Security;

/// <summary>A rule a scanner checks, as SARIF's <c>reportingDescriptor</c> and the README list it.</summary>
/// <param name="Id">The rule id, e.g. <c>SEC001</c>.</param>
/// <param name="Name">A PascalCase name, e.g. <c>OpenAiApiKey</c>.</param>
/// <param name="Description">One sentence: what it finds.</param>
/// <param name="Help">How to fix a finding.</param>
/// <param name="Severity">The severity its findings get.</param>
public sealed record RuleDescriptor(string Id, string Name, string Description, string Help, Severity Severity);
