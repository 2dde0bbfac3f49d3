using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>Recognises favourable and adverse underwriting outcomes in expressions.</summary>
    public static class Outcomes
    {
        /// <summary>
        /// The favourable outcome an expression produces, or null: a favourable member of a decision enum, <c>true</c> in a
        /// bool decision method, a favourable string literal ("Approved") or string constant, a new result object built from one of them, or a
        /// static factory of a result type named after one (<c>Result.Approved()</c>, <c>Result.Declined</c>).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static string? GetFavourable(IOperation? value, InsuranceContext context, InsuranceSettings settings, bool boolIsDecision) =>
            Get(value, context, settings, boolIsDecision, favourable: true);

        [MethodImpl(HotPath.Optimize)]
        public static string? GetAdverse(IOperation? value, InsuranceContext context, InsuranceSettings settings, bool boolIsDecision) =>
            Get(value, context, settings, boolIsDecision, favourable: false);

        private static string? Get(IOperation? value, InsuranceContext context, InsuranceSettings settings, bool boolIsDecision, bool favourable)
        {
            if (value == null)
            {
                return null;
            }

            var op = value.WalkDownConversions();
            switch (op)
            {
                case IFieldReferenceOperation field when field.Field.HasConstantValue && context.IsDecisionEnum(field.Field.ContainingType):
                    return Matches(field.Field.Name, settings, favourable) ? field.Field.ContainingType.Name + "." + field.Field.Name : null;
                case ILiteralOperation lit when lit.ConstantValue.HasValue && lit.ConstantValue.Value is bool b && boolIsDecision:
                    return Matches(b ? "true" : "false", settings, favourable) ? (b ? "true" : "false") : null;
                case ILiteralOperation lit when lit.ConstantValue.HasValue && lit.ConstantValue.Value is string s:
                    return Matches(s, settings, favourable) ? "\"" + s + "\"" : null;

                // StatusCodes.APPROVED, a const local: the constant is the literal. Legacy status classes are string enums, so
                // the constant's name counts like an enum member's (const string APPROVED = "APP").
                case IFieldReferenceOperation field when field.Field.IsConst && field.Field.ConstantValue is string s:
                    return Matches(s, settings, favourable) || Matches(field.Field.Name, settings, favourable) ? field.Field.ContainingType.Name + "." + field.Field.Name : null;
                case ILocalReferenceOperation local when local.Local.IsConst && local.Local.ConstantValue is string s:
                    return Matches(s, settings, favourable) || Matches(local.Local.Name, settings, favourable) ? local.Local.Name : null;
                case IObjectCreationOperation creation:
                    return creation.Arguments.Select(a => Get(a.Value, context, settings, false, favourable)).FirstOrDefault(x => x != null)
                        ?? creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>().Select(a => Get(a.Value, context, settings, false, favourable)).FirstOrDefault(x => x != null);
                case IConditionalOperation conditional:
                    return Get(conditional.WhenTrue, context, settings, boolIsDecision, favourable) ?? Get(conditional.WhenFalse, context, settings, boolIsDecision, favourable);
                case IInvocationOperation call when call.Instance == null:
                    // Task.FromResult(Decision.Approve) in a non-async Task<Decision> method.
                    if (call.TargetMethod.Name == "FromResult" && call.Arguments.Length == 1 && IsTask(call.TargetMethod.ContainingType))
                    {
                        return Get(call.Arguments[0].Value, context, settings, boolIsDecision, favourable);
                    }

                    // Factory methods on a result type: Result.Approved(), EligibilityResult.Declined("reason").
                    return HoldsDecision(UnwrapTask(call.TargetMethod.ReturnType), context)
                        ? NamedOutcome(call.TargetMethod, settings, favourable) ?? call.Arguments.Select(a => Get(a.Value, context, settings, false, favourable)).FirstOrDefault(x => x != null)
                        : null;
                case IPropertyReferenceOperation property when property.Instance == null && HoldsDecision(property.Type, context):
                    return NamedOutcome(property.Property, settings, favourable);
                case IFieldReferenceOperation field when field.Field.IsStatic && !field.Field.HasConstantValue && HoldsDecision(field.Type, context):
                    return NamedOutcome(field.Field, settings, favourable);
                default:
                    return null;
            }
        }

        /// <summary>A static member of a result type named after an outcome (Result.Approved, Result.Decline()).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static string? NamedOutcome(ISymbol member, InsuranceSettings settings, bool favourable) =>
            Matches(member.Name, settings, favourable) ? member.ContainingType.Name + "." + member.Name + (member is IMethodSymbol ? "()" : string.Empty) : null;

        [MethodImpl(HotPath.Optimize)]
        private static bool IsTask(INamedTypeSymbol? type) =>
            type != null && (type.Name == "Task" || type.Name == "ValueTask") && type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

        [MethodImpl(HotPath.Optimize)]
        private static bool Matches(string name, InsuranceSettings settings, bool favourable) =>
            favourable ? settings.IsFavourable(name) : settings.IsAdverse(name);

        /// <summary>True when a method decides: it returns a decision enum, a bool decision (IsEligible...), or a type holding a decision.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsDecisionMethod(IMethodSymbol? method, InsuranceContext context)
        {
            if (method == null)
            {
                return false;
            }

            return ReturnsDecision(method, context) || InsuranceContext.IsBoolDecisionMethod(method);
        }

        /// <summary>A method that returns a decision enum or a result holding one, directly or as Task&lt;T&gt;/ValueTask&lt;T&gt;.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool ReturnsDecision(IMethodSymbol method, InsuranceContext context)
        {
            var returnType = UnwrapTask(method.ReturnType);
            return context.IsDecisionEnum(returnType) || HoldsDecision(returnType, context);
        }

        /// <summary>
        /// A result type with a property or field of a decision enum type, or a bool one named for granting cover
        /// (<c>record UnderwritingResult(bool IsApproved, string Reason)</c>).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool HoldsDecision(ITypeSymbol? type, InsuranceContext context) =>
            type is INamedTypeSymbol named && named.TypeKind != TypeKind.Enum && named.SpecialType == SpecialType.None &&
            named.GetMembers().Any(m => m switch
            {
                IPropertySymbol p => IsVerdict(p.Type, p.Name, context),
                IFieldSymbol { IsStatic: false } f => IsVerdict(f.Type, f.Name, context),
                _ => false,
            });

        [MethodImpl(HotPath.Optimize)]
        private static bool IsVerdict(ITypeSymbol type, string name, InsuranceContext context) =>
            context.IsDecisionEnum(type) || (type.SpecialType == SpecialType.System_Boolean && InsuranceContext.IsBoolVerdictName(name));

        [MethodImpl(HotPath.Optimize)]
        public static ITypeSymbol UnwrapTask(ITypeSymbol type) =>
            type is INamedTypeSymbol n && n.IsGenericType && (n.Name == "Task" || n.Name == "ValueTask") && n.TypeArguments.Length == 1 ? n.TypeArguments[0] : type;
    }
}
