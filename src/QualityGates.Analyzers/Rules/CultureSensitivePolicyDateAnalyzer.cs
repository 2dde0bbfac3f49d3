using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>
    /// QG3005: in pricing or underwriting scope, DateTime/DateOnly/DateTimeOffset Parse/TryParse without a format provider,
    /// ParseExact with a null or current-culture provider, Convert.ToDateTime(string) without a provider, and ToString()/
    /// ToShortDateString() of a date without a provider (except the invariant "O", "R", "s", "u" formats, and display formats
    /// that write month or day names, ToLongDateString() included).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CultureSensitivePolicyDateAnalyzer : InsuranceAnalyzer
    {
        private static readonly ImmutableHashSet<string> InvariantFormats = ImmutableHashSet.Create("O", "o", "R", "r", "s", "u");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.CultureSensitivePolicyDate);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance)
        {
            context.RegisterScopedOperationAction(
                insurance,
                Scope.Any,
                [MethodImpl(HotPath.Optimize)] (op, _) =>
                {
                    var types = insurance.Types;
                    if (types.IFormatProvider == null)
                    {
                        return;
                    }

                    var invocation = (IInvocationOperation)op.Operation;
                    var what = Describe(invocation, types);
                    if (what != null)
                    {
                        op.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CultureSensitivePolicyDate, invocation.Syntax.GetLocation(), what));
                    }
                },
                OperationKinds.Invocation);
        }

        /// <summary>What the call does with the current culture ("DateTime.Parse", "ToString()"), or null when it is culture-safe.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static string? Describe(IInvocationOperation invocation, WellKnownTypes types)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            var provider = invocation.Arguments.FirstOrDefault(a => a.Parameter != null && WellKnownTypes.Is(a.Parameter.Type, types.IFormatProvider));

            if (method.IsStatic && DateTimeFacts.IsDateType(type, types))
            {
                switch (method.Name)
                {
                    case "Parse":
                    case "TryParse":
                    case "ParseExact":
                    case "TryParseExact":
                        return provider == null || IsCurrentCulture(provider.Value, types) ? type.Name + "." + method.Name : null;
                    default:
                        return null;
                }
            }

            if (method.IsStatic && WellKnownTypes.Is(type, types.Convert) && method.Name == "ToDateTime" &&
                invocation.Arguments.Length >= 1 && invocation.Arguments[0].Value.WalkDownConversions().Type?.SpecialType == SpecialType.System_String)
            {
                return provider == null || IsCurrentCulture(provider.Value, types) ? "Convert.ToDateTime" : null;
            }

            if (method.IsStatic || invocation.Instance == null || !DateTimeFacts.IsDateType(type, types))
            {
                return null;
            }

            switch (method.Name)
            {
                case "ToShortDateString":
                    return method.Name + "()";
                case "ToLongDateString":
                    return null; // display text: month and day names, which nothing parses back
                case "ToString":
                    if (provider != null && !IsCurrentCulture(provider.Value, types))
                    {
                        return null;
                    }

                    var format = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Type.SpecialType == SpecialType.System_String);
                    if (format?.Value.ConstantValue.Value is string f && (InvariantFormats.Contains(f) || IsDisplayFormat(f)))
                    {
                        return null; // round-trip and sortable formats ignore the culture; display formats are for a reader
                    }

                    return format == null ? "ToString()" : "ToString(" + format.Value.Syntax + ")";
                default:
                    return null;
            }
        }

        /// <summary>
        /// A format that writes month or day names ("MMMM d, yyyy", "ddd", the long standard formats "D", "f", "F", "m", "y"):
        /// text for a reader, in the reader's language, which no program stores to parse back; the catalog's concern is
        /// dates that are persisted or compared.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsDisplayFormat(string format)
        {
            if (format.Length == 1)
            {
                return "DfFmMyY".IndexOf(format[0]) >= 0;
            }

            for (var i = 0; i < format.Length; i++)
            {
                var c = format[i];
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '\'' || c == '"')
                {
                    var close = format.IndexOf(c, i + 1);
                    i = close < 0 ? format.Length : close;
                }
                else if ((c == 'M' || c == 'd') && i + 2 < format.Length && format[i + 1] == c && format[i + 2] == c)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>null, CultureInfo.CurrentCulture/CurrentUICulture or Thread...CurrentCulture passed as the provider.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsCurrentCulture(IOperation provider, WellKnownTypes types)
        {
            var value = provider.WalkDownConversions();
            if (value.ConstantValue.HasValue && value.ConstantValue.Value == null)
            {
                return true;
            }

            if (value is IFieldReferenceOperation field && field.Field.IsReadOnly)
            {
                return HoldsCurrentCulture(field.Field);
            }

            return value is IPropertyReferenceOperation p && (p.Property.Name == "CurrentCulture" || p.Property.Name == "CurrentUICulture") &&
                   (WellKnownTypes.Is(p.Property.ContainingType, types.CultureInfo) || p.Property.ContainingType.Name == "Thread");
        }

        /// <summary>
        /// A readonly field initialised from the current culture (<c>static readonly CultureInfo Provider =
        /// CultureInfo.CurrentCulture</c>): the provider is still the machine's culture, read once. Told by the
        /// initializer's syntax, as the field may be declared in another file.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool HoldsCurrentCulture(IFieldSymbol field)
        {
            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer: { Value: MemberAccessExpressionSyntax access } } &&
                    (access.Name.Identifier.ValueText == "CurrentCulture" || access.Name.Identifier.ValueText == "CurrentUICulture"))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
