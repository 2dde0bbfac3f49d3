using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>
    /// QG3004: in pricing or underwriting scope, comparing or subtracting a local-time DateTime and a UTC one (or one built
    /// without a DateTimeKind and a UTC one), ToUniversalTime() on a value of unspecified kind, and a method that reads both
    /// DateTime.Now/Today and DateTime.UtcNow.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MixedDateTimeKindsAnalyzer : InsuranceAnalyzer
    {
        private const int MaxLocalHops = 8;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.MixedDateTimeKinds);

        private enum Kind
        {
            Unknown = 0,
            Local,
            Utc,
            Unspecified,
        }

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            RegisterMemberAction(context, insurance, Analyze);

        /// <summary>
        /// Collects the member's kind-sensitive operations, locals and clock reads in one pass over its operations, then
        /// resolves each once every local's initializer and assignment is known. Most members hold none of them, so nothing
        /// is allocated until the first one.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void Analyze(OperationBlockAnalysisContext block, WellKnownTypes types)
        {
            List<IBinaryOperation>? binaries = null;
            List<IInvocationOperation>? toUniversal = null;
            List<(IOperation Read, ClockKind Kind, string Display)>? clockReads = null;
            Dictionary<ILocalSymbol, IOperation>? initializers = null;
            HashSet<ILocalSymbol>? reassigned = null;

            var member = MemberOperations.Get(block.OperationBlocks);
            using var pin = member.Pin();
            for (var index = 0; index < member.Count; index++)
            {
                var operation = member.Operations[index];
                switch ((OperationKind)member.Kinds[index])
                {
                    case OperationKind.Binary:
                        var b = (IBinaryOperation)operation;
                        if (IsKindSensitive(b.OperatorKind) && IsDateTime(b.LeftOperand) && IsDateTime(b.RightOperand))
                        {
                            (binaries ??= new List<IBinaryOperation>()).Add(b);
                        }

                        break;
                    case OperationKind.Invocation:
                        var i = (IInvocationOperation)operation;
                        if (i.TargetMethod.Name == "ToUniversalTime" && i.Instance != null && i.TargetMethod.ContainingType.SpecialType == SpecialType.System_DateTime)
                        {
                            (toUniversal ??= new List<IInvocationOperation>()).Add(i);
                        }

                        break;
                    // KindOf reaches a local only through a DateTime operand, possibly unboxed from an object: the other locals
                    // of pricing code, most of them, are not recorded.
                    case OperationKind.VariableDeclarator:
                        var d = (IVariableDeclaratorOperation)operation;
                        if (d.Initializer != null && MayHoldDateTime(d.Symbol.Type))
                        {
                            (initializers ??= new Dictionary<ILocalSymbol, IOperation>(SymbolEqualityComparer.Default))[d.Symbol] = d.Initializer.Value;
                        }

                        break;
                    case OperationKind.SimpleAssignment:
                    case OperationKind.CompoundAssignment:
                        if (((IAssignmentOperation)operation).Target is ILocalReferenceOperation target && MayHoldDateTime(target.Local.Type))
                        {
                            (reassigned ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default)).Add(target.Local);
                        }

                        break;
                    case OperationKind.PropertyReference:
                        var clock = DateTimeFacts.GetClockRead((IPropertyReferenceOperation)operation, types, out var display);
                        if (clock == ClockKind.Local || clock == ClockKind.Utc)
                        {
                            (clockReads ??= new List<(IOperation Read, ClockKind Kind, string Display)>()).Add((operation, clock, display));
                        }

                        break;
                }
            }

            if (binaries == null && toUniversal == null && (clockReads == null || clockReads.Count < 2))
            {
                return;
            }

            var dateTimeKind = types.DateTimeKind;
            Kind Resolve(IOperation operation) => KindOf(operation, types, dateTimeKind, initializers, reassigned, 0);
            bool reported = false;
            foreach (var binary in binaries ?? Enumerable.Empty<IBinaryOperation>())
            {
                var left = Resolve(binary.LeftOperand);
                var right = Resolve(binary.RightOperand);
                string? problem = null;
                if ((left == Kind.Local && right == Kind.Utc) || (left == Kind.Utc && right == Kind.Local))
                {
                    problem = "'" + binary.Syntax + "' mixes a local-time DateTime with a UTC one; the result is off by the UTC offset";
                }
                else if ((left == Kind.Unspecified && right == Kind.Utc) || (left == Kind.Utc && right == Kind.Unspecified))
                {
                    problem = "'" + binary.Syntax + "' mixes a DateTime of unspecified kind with a UTC one; state the DateTimeKind or use DateOnly for policy dates";
                }

                if (problem != null)
                {
                    reported = true;
                    block.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MixedDateTimeKinds, binary.Syntax.GetLocation(), problem));
                }
            }

            foreach (var call in toUniversal ?? Enumerable.Empty<IInvocationOperation>())
            {
                if (Resolve(call.Instance!) == Kind.Unspecified)
                {
                    block.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.MixedDateTimeKinds,
                        call.Syntax.GetLocation(),
                        "'" + call.Syntax + "' treats a DateTime of unspecified kind as local time; create it with DateTimeKind.Utc or use DateOnly/DateTimeOffset"));
                }
            }

            // The whole-method mix is the weaker signal: only when no comparison already told the story.
            if (!reported && clockReads != null && clockReads.Count > 1)
            {
                var ordered = clockReads.OrderBy(r => r.Read.Syntax.SpanStart).ToList();
                var first = ordered[0];
                foreach (var read in ordered.Where(r => r.Kind != first.Kind))
                {
                    block.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.MixedDateTimeKinds,
                        read.Read.Syntax.GetLocation(),
                        "'" + read.Display + "' is mixed with '" + first.Display + "' in the same method; use one clock (UTC DateTimeOffset) and DateOnly for policy dates"));
                }
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsKindSensitive(BinaryOperatorKind kind)
        {
            switch (kind)
            {
                case BinaryOperatorKind.Subtract:
                case BinaryOperatorKind.Equals:
                case BinaryOperatorKind.NotEquals:
                case BinaryOperatorKind.LessThan:
                case BinaryOperatorKind.LessThanOrEqual:
                case BinaryOperatorKind.GreaterThan:
                case BinaryOperatorKind.GreaterThanOrEqual:
                    return true;
                default:
                    return false;
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsDateTime(IOperation operation) => IsDateTime(operation.WalkDownConversions().Type);

        [MethodImpl(HotPath.Optimize)]
        private static bool IsDateTime(ITypeSymbol? type) => type != null && InsuranceContext.UnwrapNullable(type).SpecialType == SpecialType.System_DateTime;

        [MethodImpl(HotPath.Optimize)]
        private static bool MayHoldDateTime(ITypeSymbol type) => IsDateTime(type) || type.SpecialType == SpecialType.System_Object || type.TypeKind == TypeKind.Dynamic;

        /// <summary>Where a DateTime's Kind comes from, followed through .Date, Add*, arithmetic and single-assignment locals.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static Kind KindOf(IOperation operation, WellKnownTypes types, INamedTypeSymbol? dateTimeKind, Dictionary<ILocalSymbol, IOperation>? initializers, HashSet<ILocalSymbol>? reassigned, int hops)
        {
            var op = operation.WalkDownConversions();
            switch (op)
            {
                case IPropertyReferenceOperation p when p.Instance == null:
                    var clock = DateTimeFacts.GetClockRead(p, types, out _);
                    return clock == ClockKind.Local ? Kind.Local : (clock == ClockKind.Utc ? Kind.Utc : Kind.Unknown);
                case IPropertyReferenceOperation p when p.Instance != null:
                    if (p.Property.ContainingType.SpecialType == SpecialType.System_DateTime && p.Property.Name == "Date")
                    {
                        return KindOf(p.Instance, types, dateTimeKind, initializers, reassigned, hops);
                    }

                    if (WellKnownTypes.Is(p.Property.ContainingType, types.DateTimeOffset))
                    {
                        // DateTimeOffset.DateTime is the clock time without its offset: always DateTimeKind.Unspecified.
                        return p.Property.Name == "UtcDateTime" ? Kind.Utc
                            : p.Property.Name == "LocalDateTime" ? Kind.Local
                            : p.Property.Name == "DateTime" ? Kind.Unspecified
                            : Kind.Unknown;
                    }

                    return Kind.Unknown;
                case IInvocationOperation i when i.TargetMethod.ContainingType.SpecialType == SpecialType.System_DateTime:
                    if (i.Instance != null)
                    {
                        switch (i.TargetMethod.Name)
                        {
                            case "ToUniversalTime": return Kind.Utc;
                            case "ToLocalTime": return Kind.Local;
                            default:
                                return i.TargetMethod.Name.StartsWith("Add", System.StringComparison.Ordinal) || i.TargetMethod.Name == "Subtract"
                                    ? KindOf(i.Instance, types, dateTimeKind, initializers, reassigned, hops)
                                    : Kind.Unknown;
                        }
                    }

                    return i.TargetMethod.Name == "SpecifyKind" && i.Arguments.Length == 2 ? FromConstant(i.Arguments[1].Value) : Kind.Unknown;
                // policyDate.ToDateTime(TimeOnly.MinValue) has no kind (Unspecified) unless a DateTimeKind is passed.
                case IInvocationOperation i when i.Instance != null && i.TargetMethod.Name == "ToDateTime" && WellKnownTypes.Is(i.TargetMethod.ContainingType, types.DateOnly):
                    var toDateTimeKind = i.Arguments.FirstOrDefault(a => dateTimeKind != null && SymbolEqualityComparer.Default.Equals(a.Value.WalkDownConversions().Type, dateTimeKind));
                    return toDateTimeKind != null ? FromConstant(toDateTimeKind.Value) : Kind.Unspecified;
                case IObjectCreationOperation creation when creation.Type?.SpecialType == SpecialType.System_DateTime:
                    var kindArgument = creation.Arguments.FirstOrDefault(a => dateTimeKind != null && SymbolEqualityComparer.Default.Equals(a.Value.WalkDownConversions().Type, dateTimeKind));
                    return kindArgument != null ? FromConstant(kindArgument.Value) : Kind.Unspecified;
                case IBinaryOperation b when (b.OperatorKind == BinaryOperatorKind.Add || b.OperatorKind == BinaryOperatorKind.Subtract) && IsDateTime(b.LeftOperand):
                    return KindOf(b.LeftOperand, types, dateTimeKind, initializers, reassigned, hops);
                case ILocalReferenceOperation l when hops < MaxLocalHops && initializers != null && !(reassigned?.Contains(l.Local) ?? false) && initializers.TryGetValue(l.Local, out var initializer):
                    return KindOf(initializer, types, dateTimeKind, initializers, reassigned, hops + 1);
                default:
                    return Kind.Unknown;
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static Kind FromConstant(IOperation value)
        {
            var constant = value.WalkDownConversions().ConstantValue;
            if (!constant.HasValue || !(constant.Value is int raw))
            {
                return Kind.Unknown;
            }

            // DateTimeKind: Unspecified = 0, Utc = 1, Local = 2.
            return raw == 1 ? Kind.Utc : (raw == 2 ? Kind.Local : Kind.Unspecified);
        }
    }
}
