using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// A set of word patterns matched against the words of an identifier. "suminsured" matches the run SumInsured;
    /// "ethnic*" matches any run that starts with "ethnic"; without *, a plural ("premiums", "levies") also matches.
    /// </summary>
    public sealed class WordPatterns
    {
        private readonly string[] _exact;
        private readonly string[] _prefixes;
        private readonly ConcurrentDictionary<string, bool> _answers = SharedCache.Create<string, bool>(StringComparer.Ordinal);

        public WordPatterns(IEnumerable<string> patterns)
        {
            var list = patterns.Select(p => p.Trim().ToLowerInvariant().Replace("_", string.Empty)).Where(p => p.Length > 0).ToArray();
            _exact = list.Where(p => !p.EndsWith("*", StringComparison.Ordinal)).ToArray();
            _prefixes = list.Where(p => p.EndsWith("*", StringComparison.Ordinal)).Select(p => p.TrimEnd('*')).Where(p => p.Length > 0).ToArray();
        }

        public bool IsEmpty => _exact.Length == 0 && _prefixes.Length == 0;

        /// <summary>Whether the identifier matches; answers are kept, since rules ask about the same names over and over.</summary>
        [MethodImpl(HotPath.Optimize)]
        public bool Matches(string identifier) =>
            _answers.TryGetValue(identifier, out var known) ? known : _answers.GetOrAdd(identifier, LastMatch(NameWords.Split(identifier)) >= 0);

        /// <summary>Index of the last word that ends a matching run, or -1.</summary>
        [MethodImpl(HotPath.Optimize)]
        public int LastMatch(IReadOnlyList<string> words)
        {
            int last = -1;
            for (int start = 0; start < words.Count; start++)
            {
                string run = string.Empty;
                for (int end = start; end < words.Count; end++)
                {
                    run += words[end];
                    if (IsMatch(run) && end > last)
                    {
                        last = end;
                    }

                    if (run.Length > 40)
                    {
                        break;
                    }
                }
            }

            return last;
        }

        /// <summary>The first pattern that matches a run of the identifier, for messages.</summary>
        [MethodImpl(HotPath.Optimize)]
        public bool IsMatch(string run)
        {
            foreach (var e in _exact)
            {
                if (run == e || run == e + "s" || run == e + "es")
                {
                    return true;
                }
            }

            foreach (var p in _prefixes)
            {
                if (run.StartsWith(p, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
