namespace QualityGates.Core;

/// <summary>"Did you mean ...?" for a misspelt key, command or option.</summary>
public static class Spelling
{
    /// <summary>The known key closest to a typo (edit distance at most 2, or same letters ignoring case).</summary>
    public static string? Suggest(string key, IEnumerable<string> known)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in known)
        {
            int distance = string.Equals(candidate, key, StringComparison.OrdinalIgnoreCase) ? 0 : QualityGates.Analyzers.Semantics.EditDistance.Between(key.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return bestDistance <= 2 ? best : null;
    }
}
