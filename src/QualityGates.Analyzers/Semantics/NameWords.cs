using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// Splits identifiers into lower-case words (camelCase, PascalCase, snake_case, digits) so that name heuristics match
    /// whole words: "OperatingCost" is not "rating", "SumInsured" is "sum insured".
    /// </summary>
    public static class NameWords
    {
        [MethodImpl(HotPath.Optimize)]
        public static IReadOnlyList<string> Split(string identifier)
        {
            var words = new List<string>();
            if (string.IsNullOrEmpty(identifier))
            {
                return words;
            }

            int start = -1;
            for (int i = 0; i < identifier.Length; i++)
            {
                char c = identifier[i];
                if (!char.IsLetterOrDigit(c))
                {
                    Flush(identifier, ref start, i, words);
                    continue;
                }

                if (start < 0)
                {
                    start = i;
                    continue;
                }

                char prev = identifier[i - 1];
                bool boundary =
                    (char.IsUpper(c) && char.IsLower(prev)) ||
                    (char.IsUpper(c) && i + 1 < identifier.Length && char.IsLower(identifier[i + 1]) && char.IsUpper(prev)) ||
                    (char.IsDigit(c) != char.IsDigit(prev));
                if (boundary)
                {
                    Flush(identifier, ref start, i, words);
                    start = i;
                }
            }

            Flush(identifier, ref start, identifier.Length, words);
            return words;
        }

        [MethodImpl(HotPath.Optimize)]
        private static void Flush(string identifier, ref int start, int end, List<string> words)
        {
            if (start >= 0 && end > start)
            {
                words.Add(identifier.Substring(start, end - start).ToLowerInvariant());
            }

            start = -1;
        }

        /// <summary>True when any word of <paramref name="identifier"/> starts with one of <paramref name="prefixes"/>.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool AnyWordStartsWith(string identifier, IReadOnlyList<string> prefixes) =>
            LastMatchingWordIndex(Split(identifier), prefixes) >= 0;

        /// <summary>Index of the last word that starts with one of the prefixes, or -1.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static int LastMatchingWordIndex(IReadOnlyList<string> words, IReadOnlyList<string> prefixes)
        {
            for (int i = words.Count - 1; i >= 0; i--)
            {
                for (int p = 0; p < prefixes.Count; p++)
                {
                    if (words[i].StartsWith(prefixes[p], StringComparison.Ordinal))
                    {
                        return i;
                    }
                }
            }

            return -1;
        }

        /// <summary>
        /// True when the last word, the head noun of a name (<c>IDeclineConditionCatalog</c>: catalog), is one of
        /// <paramref name="heads"/>. An <c>Async</c> suffix is no noun (<c>GetMultiPetDiscountAsync</c>: discount).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool HeadIs(IReadOnlyList<string> words, IReadOnlyList<string> heads)
        {
            int last = words.Count - 1;
            if (last > 0 && words[last] == "async")
            {
                last--;
            }

            if (last < 0)
            {
                return false;
            }

            var head = words[last];
            for (int h = 0; h < heads.Count; h++)
            {
                if (head == heads[h])
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the words contain the given sequence of whole words ("risk", "class").</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool ContainsSequence(IReadOnlyList<string> words, params string[] sequence)
        {
            for (int i = 0; i + sequence.Length <= words.Count; i++)
            {
                bool all = true;
                for (int j = 0; j < sequence.Length && all; j++)
                {
                    all = words[i + j] == sequence[j];
                }

                if (all)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
