using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// Locals bound by patterns (<c>x is var v</c>, <c>x is { } v</c>, <c>x is T v</c>, <c>{ Member: var v }</c>,
    /// <c>case T v:</c>, a switch arm's <c>T v =&gt;</c>): which pattern declares them and what value they hold.
    /// </summary>
    public static class PatternBindings
    {
        /// <summary>The local a pattern declares, or null (no designation, or a discard).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static ILocalSymbol? DeclaredLocal(IPatternOperation pattern)
        {
            switch (pattern)
            {
                case IDeclarationPatternOperation declaration: return declaration.DeclaredSymbol as ILocalSymbol;
                case IRecursivePatternOperation recursive: return recursive.DeclaredSymbol as ILocalSymbol;
                case IListPatternOperation list: return list.DeclaredSymbol as ILocalSymbol;
                default: return null;
            }
        }

        /// <summary>
        /// The value a pattern matches: the tested value of its <c>is</c>, <c>switch</c> or switch expression, or the member
        /// a property subpattern reads. In the second case <paramref name="enclosing"/> is the pattern the member is read
        /// from (the member's object is that pattern's value), otherwise null. Logical, negated, positional, list and slice
        /// patterns match parts of their parent's value, so they are looked through. Null when the pattern is in no such place.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static IOperation? MatchedValue(IPatternOperation pattern, out IPatternOperation? enclosing)
        {
            enclosing = null;
            for (IOperation current = pattern; current.Parent != null; current = current.Parent)
            {
                switch (current.Parent)
                {
                    case IIsPatternOperation isPattern:
                        return isPattern.Value;
                    case IPropertySubpatternOperation subpattern:
                        enclosing = subpattern.Parent as IPatternOperation;
                        return subpattern.Member;
                    case IPatternOperation _:
                        continue;
                    case ISwitchExpressionArmOperation arm:
                        return (arm.Parent as ISwitchExpressionOperation)?.Value;
                    case IPatternCaseClauseOperation clause:
                        return (clause.Parent?.Parent as ISwitchOperation)?.Value;
                    default:
                        return null;
                }
            }

            return null;
        }
    }
}
