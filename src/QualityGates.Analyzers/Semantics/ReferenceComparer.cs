using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// Identity comparison for the per-compilation caches (symbols, options objects). The compiler hands out one object
    /// per declared symbol, so this finds every repeat lookup, and a rare second object for the same symbol is only a
    /// cache miss with the same answer. <see cref="SymbolEqualityComparer"/> hashes through the symbol's containers,
    /// which showed up in profiles of the scope lookup that every rule makes per operation.
    /// </summary>
    internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
        where T : class
    {
        public static readonly ReferenceComparer<T> Instance = new ReferenceComparer<T>();

        [MethodImpl(HotPath.Optimize)]
        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        [MethodImpl(HotPath.Optimize)]
        public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
