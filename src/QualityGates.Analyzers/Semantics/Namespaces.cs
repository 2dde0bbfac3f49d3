using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>Namespace tests by qualified name, without building the symbol's display string.</summary>
    internal static class Namespaces
    {
        /// <summary>True when <paramref name="ns"/> is exactly <paramref name="qualifiedName"/> ("System.Collections.Immutable").</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool Is(INamespaceSymbol? ns, string qualifiedName)
        {
            // Compared from the innermost name outwards: most namespaces differ in their last part.
            int end = qualifiedName.Length;
            while (end > 0)
            {
                if (ns == null || ns.IsGlobalNamespace)
                {
                    return false;
                }

                int dot = qualifiedName.LastIndexOf('.', end - 1);
                int start = dot + 1;
                if (ns.Name.Length != end - start || string.CompareOrdinal(ns.Name, 0, qualifiedName, start, end - start) != 0)
                {
                    return false;
                }

                ns = ns.ContainingNamespace;
                end = Math.Max(dot, 0);
            }

            return ns != null && ns.IsGlobalNamespace;
        }
    }
}
