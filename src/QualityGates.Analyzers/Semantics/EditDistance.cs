using System;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// Levenshtein distance (insertions, deletions, substitutions), for "did you mean ...?": QG0001's option names here, and
    /// the engine's qualitygate.json keys and CLI commands (Core sees this assembly's internals).
    /// </summary>
    internal static class EditDistance
    {
        public static int Between(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
