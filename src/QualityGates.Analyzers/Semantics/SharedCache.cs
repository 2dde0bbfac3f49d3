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

        /// <summary>
        /// An enum value as one shared box, for caches that hold enums as objects: the framework's precompiled, optimized
        /// code serves a dictionary with reference-type values from the first call, while one instantiated over our enums is
        /// jitted unoptimized and stays that way for much of a build (the compiler keeps jitting, which delays tiering up).
        /// </summary>
        public static object Box(Scope scope) => ScopeBoxes[(int)scope];

        /// <inheritdoc cref="Box(Scope)"/>
        public static object Box(ValueKind kind) => ValueKindBoxes[(int)kind];

        private static readonly object[] ScopeBoxes = { Scope.None, Scope.Pricing, Scope.Underwriting, Scope.Any };

        private static readonly object[] ValueKindBoxes = { ValueKind.None, ValueKind.Money, ValueKind.Rate };

        /// <summary>A rough count of the symbols rules look up: declarations plus what their bodies use, per source file.</summary>
        public static int ExpectedSymbols(Compilation compilation) => Math.Min(compilation.SyntaxTrees.Count() * 64, 1 << 17);
    }
}
