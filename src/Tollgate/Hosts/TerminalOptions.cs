namespace Tollgate;

/// <summary>How the terminal host writes.</summary>
/// <param name="Colors">Whether to write ANSI colours.</param>
/// <param name="Interactive">Whether the output is a terminal that can redraw a status line (control codes allowed).</param>
/// <param name="Width">The terminal's width in columns (tables and the status line fit into it).</param>
internal sealed record TerminalOptions(bool Colors, bool Interactive, int Width = 120)
{
    /// <summary>
    /// The build's verbosity. At <see cref="Verbosity.Quiet"/> target start lines and the end lines of targets that
    /// did not fail are left out (errors and the summary only); log lines are filtered by <see cref="BuildLog"/>.
    /// </summary>
    public Verbosity Verbosity { get; init; } = Verbosity.Normal;

    /// <summary>Plain text: no colours, no control codes, 120 columns. For redirected output and tests.</summary>
    public static TerminalOptions Plain { get; } = new(Colors: false, Interactive: false);
}
