using System.Text;
using ResearchAssistant.Retrieval;

namespace ResearchAssistant.Answering;

/// <summary>Renders retrieved passages for a prompt: each starts with its id in brackets and its title.</summary>
public static class ContextFormatter
{
    public static string Format(IReadOnlyList<RetrievedPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        if (passages.Count == 0)
        {
            return "(no passages found)";
        }

        var builder = new StringBuilder();
        foreach (var passage in passages)
        {
            builder.Append('[').Append(passage.Document.Id).Append("] ").AppendLine(passage.Document.Title);
            builder.AppendLine(passage.Document.Body).AppendLine();
        }

        return builder.ToString().TrimEnd();
    }
}
