using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// The per-compilation caches every rule reads from several threads at once. The default dictionary has one lock per
    /// core and grows by rehashing under all of them; in a build, threads then wait on each other's additions, and a
    /// waiting callback counts as analyzer time. These get many lock stripes and, where the size is known, room up front.
    /// </summary>
    internal static class SharedCache
    {
        private const int LockStripes = 64;

        public static ConcurrentDictionary<TKey, TValue> Create<TKey, TValue>(IEqualityComparer<TKey>? comparer, int capacity = 64)
            where TKey : notnull =>
            new ConcurrentDictionary<TKey, TValue>(LockStripes, Math.Max(capacity, LockStripes), comparer ?? EqualityComparer<TKey>.Default);

        /// <summary>A rough count of the symbols rules look up: declarations plus what their bodies use, per source file.</summary>
        public static int ExpectedSymbols(Compilation compilation) => Math.Min(compilation.SyntaxTrees.Count() * 64, 1 << 17);
    }
}
