namespace Tollgate.Evaluation;

/// <summary>Chooses the cases to run: id and tag filters, then a seeded sample that keeps suite order.</summary>
public static class CaseSelection
{
    /// <summary>The selected cases; an id filter naming no case is an error with the nearest id.</summary>
    public static IReadOnlyList<EvalCase> Select(IReadOnlyList<EvalCase> cases, EvalRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Sample is <= 0 or > 1)
        {
            throw new TollgateException($"sample {options.Sample} is outside (0, 1]; pass e.g. 0.1 for a tenth of the cases");
        }

        foreach (var id in options.Ids)
        {
            if (!cases.Any(c => c.Id == id))
            {
                var suggestion = NameSuggestions.Closest(id, cases.Select(c => c.Id));
                throw new TollgateException($"no case has the id '{id}'" + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
            }
        }

        var selected = cases
            .Where(c => options.Ids.Count == 0 || options.Ids.Contains(c.Id))
            .Where(c => options.Tags.Count == 0 || c.Tags.Any(options.Tags.Contains))
            .ToList();
        if (options.Sample >= 1)
        {
            return selected;
        }

        var count = Math.Max(1, (int)Math.Ceiling(selected.Count * options.Sample));
        var random = new Random(options.Seed);
        var chosen = selected.Select((c, i) => (Index: i, Key: random.Next())).OrderBy(x => x.Key).Take(count).Select(x => x.Index).ToHashSet();
        return [.. selected.Where((_, i) => chosen.Contains(i))];
    }
}
