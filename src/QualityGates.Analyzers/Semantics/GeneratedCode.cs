using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// [GeneratedCode] members and types. The driver skips generated files for every action, but such members within a
    /// user's file only for symbol and body actions: a rule that reads whole files itself asks here before it reports.
    /// </summary>
    internal static class GeneratedCode
    {
        [MethodImpl(HotPath.Optimize)]
        public static bool IsMarked(ISymbol? symbol)
        {
            for (; symbol != null && !(symbol is INamespaceSymbol); symbol = symbol.ContainingSymbol)
            {
                foreach (var attribute in symbol.GetAttributes())
                {
                    if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute" } type &&
                        type.ContainingNamespace?.ToDisplayString() == "System.CodeDom.Compiler")
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
