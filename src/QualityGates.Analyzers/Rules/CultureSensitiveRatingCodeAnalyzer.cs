using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>QG2011: culture-sensitive case mapping or comparison of rating codes (class, status, tier, plan...).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CultureSensitiveRatingCodeAnalyzer : InsuranceAnalyzer
    {
        // Postcodes, territories and breeds key rating tables as codes do ("ip1".ToUpper() is "İP1" under tr-TR).
        private static readonly string[] CodeWords = { "code", "class", "status", "state", "tier", "type", "gender", "plan", "product", "postcode", "postal", "zip", "territory", "breed" };

        private static readonly string[] ComparingMethods = { "Compare", "CompareTo", "StartsWith", "EndsWith", "IndexOf", "LastIndexOf", "Equals" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.CultureSensitiveRatingCode);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterBodyOperationAction([MethodImpl(HotPath.Optimize)] (c) => Analyze(c, insurance), OperationKinds.Invocation);

        [MethodImpl(HotPath.Optimize)]
        private static void Analyze(OperationContext context, InsuranceContext insurance)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.ContainingType?.SpecialType != SpecialType.System_String || !IsCultureSensitive(invocation, insurance) || !insurance.IsInScope(context.ContainingSymbol))
            {
                return;
            }

            var code = CodeName(invocation.Instance) ?? invocation.Arguments.Select(a => CodeName(a.Value)).FirstOrDefault(n => n != null);
            if (code == null)
            {
                return;
            }

            string display = method.IsStatic ? "string." + method.Name : method.Name + "()";
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CultureSensitiveRatingCode, invocation.Syntax.GetLocation(), display, code));
        }

        /// <summary>
        /// ToUpper()/ToLower() without a culture; Compare/CompareTo/StartsWith/EndsWith/IndexOf on strings without a
        /// StringComparison or culture; any of them, and Equals, with an explicit CurrentCulture comparison.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsCultureSensitive(IInvocationOperation invocation, InsuranceContext insurance)
        {
            var method = invocation.TargetMethod;
            if (method.Name == "ToUpper" || method.Name == "ToLower")
            {
                return method.Parameters.Length == 0;
            }

            if (!ComparingMethods.Contains(method.Name))
            {
                return false;
            }

            var comparison = invocation.Arguments.FirstOrDefault(a => WellKnownTypes.Is(a.Parameter?.Type, insurance.Types.StringComparison));
            if (comparison != null)
            {
                return comparison.Value.WalkDownConversions() is IFieldReferenceOperation field && field.Field.Name.StartsWith("CurrentCulture", System.StringComparison.Ordinal);
            }

            if (method.Name == "Equals" || method.Parameters.Any(p => WellKnownTypes.Is(p.Type, insurance.Types.CultureInfo)))
            {
                return false;
            }

            // StartsWith(char), IndexOf(char) are ordinal; the string overloads use the current culture.
            return method.Parameters.Length > 0 && method.Parameters[0].Type.SpecialType == SpecialType.System_String;
        }

        /// <summary>The code-like member a string value comes from, looking through Trim(), Substring() and the like.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static string? CodeName(IOperation? value)
        {
            var symbol = value?.WalkDownStringMethods().GetReferencedSymbol();
            if (symbol == null)
            {
                return null;
            }

            // planDisplayName, ProductDescription: display text about a code, not the code.
            var words = NameWords.Split(symbol.Name);
            return NameWords.LastMatchingWordIndex(words, CodeWords) >= 0 && !NameWords.HeadIs(words, DisplayHeads) ? symbol.Name : null;
        }

        private static readonly string[] DisplayHeads = { "name", "names", "description", "label", "title", "caption", "text", "message", "display" };
    }
}
