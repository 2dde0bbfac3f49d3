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
    /// QG2010: (a) public underwriting decision methods that return a bare bool or decision enum, with no reason channel;
    /// (b) an adverse decision result built with a null, empty or default reason.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AdverseDecisionWithoutReasonAnalyzer : InsuranceAnalyzer
    {
        private static readonly string[] ReasonWords = { "reason", "message", "explanation", "why", "code", "codes" };

        // Types that answer questions about reference data: their bool answers a lookup, and the caller decides about the applicant.
        private static readonly string[] ReferenceDataWords = { "catalog", "catalogue", "lookup", "repository", "registry", "table", "store", "cache" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.AdverseDecisionWithoutReason);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance)
        {
            context.RegisterSymbolAction([MethodImpl(HotPath.Optimize)] (c) => AnalyzeMethod(c, insurance), SymbolKind.Method);
            context.RegisterBodyOperationAction([MethodImpl(HotPath.Optimize)] (c) => AnalyzeCreation(c, insurance), OperationKinds.ObjectCreationWithOrInvocation);
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeMethod(SymbolAnalysisContext context, InsuranceContext insurance)
        {
            var method = (IMethodSymbol)context.Symbol;
            if (method.MethodKind != MethodKind.Ordinary || method.IsOverride || !method.ExplicitInterfaceImplementations.IsEmpty ||
                !IsPubliclyVisible(method) || !insurance.IsInScope(method, Scope.Underwriting))
            {
                return;
            }

            var returnType = Outcomes.UnwrapTask(method.ReturnType);
            // Decision? is a decision too; its name is the enum's, not Nullable's.
            string? shape = insurance.IsDecisionEnum(returnType) ? "the bare decision enum '" + InsuranceContext.UnwrapNullable(returnType).Name + "'"
                : returnType.SpecialType == SpecialType.System_Boolean && InsuranceContext.IsBoolDecisionMethod(method) ? "a bare bool"
                : null;
            if (shape == null || method.Parameters.Any(p => p.RefKind == RefKind.Out || p.RefKind == RefKind.Ref) || IsReferenceData(method.ContainingType) ||
                InsuranceContext.ImplementsInterfaceMember(method) ||
                !(method.Locations.FirstOrDefault(l => l.IsInSource) is Location location))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AdverseDecisionWithoutReason, location,
                "'" + method.Name + "' returns " + shape + " with no reason channel; return the decision with a reason code"));
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsReferenceData(INamedTypeSymbol type) => NameWords.HeadIs(NameWords.Split(type.Name), ReferenceDataWords);

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeCreation(OperationContext context, InsuranceContext insurance)
        {
            // Every invocation of underwriting code passes here: only a static method can be a result factory.
            if ((context.Operation is IInvocationOperation call && !call.TargetMethod.IsStatic) || !insurance.IsInScope(context.ContainingSymbol, Scope.Underwriting))
            {
                return;
            }

            var settings = insurance.GetSettings(context.Operation.Syntax.SyntaxTree, DiagnosticIds.AdverseDecisionWithoutReason);
            if (context.Operation is IWithOperation with)
            {
                // result with { Decision = Decision.Decline, Reason = null }: the adverse outcome and the reason are both assigned here.
                var assignments = with.Initializer.Initializers.OfType<ISimpleAssignmentOperation>();
                var declined = assignments.Select(a => UnderwritingSemantics.FindOutcomeLeaf(a.Value, insurance, settings, boolIsDecision: false, favourable: false)).FirstOrDefault(l => l != null);
                if (declined != null)
                {
                    CheckInitializer(context, declined, with.Initializer);
                }

                return;
            }

            if (context.Operation is IInvocationOperation factory)
            {
                // UwDecision.Decline(null): a static factory of a result type, named after an adverse outcome.
                var method = factory.TargetMethod;
                if (settings.IsAdverse(method.Name) && method.Parameters.Length > 0 && Outcomes.ReturnsDecision(method, insurance))
                {
                    CheckReasonArguments(context, factory, factory.Arguments);
                }

                return;
            }

            var creation = (IObjectCreationOperation)context.Operation;
            var adverse = UnderwritingSemantics.FindOutcomeLeaf(creation, insurance, settings, boolIsDecision: false, favourable: false);
            if (adverse == null)
            {
                return;
            }

            if (CheckReasonArguments(context, adverse, creation.Arguments))
            {
                return;
            }

            if (creation.Initializer != null)
            {
                CheckInitializer(context, adverse, creation.Initializer);
            }
        }

        /// <summary>Reports the first reason argument that is empty; true when one was.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool CheckReasonArguments(OperationContext context, IOperation adverse, ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter != null && IsReasonName(argument.Parameter.Name) && IsEmpty(argument.Value))
                {
                    var location = argument.ArgumentKind == ArgumentKind.Explicit ? argument.Value.Syntax.GetLocation() : context.Operation.Syntax.GetLocation();
                    Report(context, location, adverse, argument.Parameter.Name);
                    return true;
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Optimize)]
        private static void CheckInitializer(OperationContext context, IOperation adverse, IObjectOrCollectionInitializerOperation initializer)
        {
            foreach (var assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
            {
                if (assignment.Target.GetReferencedSymbol() is ISymbol target && IsReasonName(target.Name) && IsEmpty(assignment.Value))
                {
                    Report(context, assignment.Value.Syntax.GetLocation(), adverse, target.Name);
                    return;
                }
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static void Report(OperationContext context, Location location, IOperation adverse, string reason) =>
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AdverseDecisionWithoutReason, location,
                "The adverse decision " + UnderwritingSemantics.Display(adverse) + " is created without a reason ('" + reason + "' is empty)"));

        [MethodImpl(HotPath.Optimize)]
        private static bool IsReasonName(string name) => NameWords.LastMatchingWordIndex(NameWords.Split(name), ReasonWords) >= 0;

        /// <summary>
        /// <c>null</c>, <c>""</c>, <c>default</c>, <c>string.Empty</c>, or a collection of reasons with none in it:
        /// <c>Array.Empty&lt;string&gt;()</c>, <c>Enumerable.Empty&lt;string&gt;()</c>, <c>ImmutableArray&lt;string&gt;.Empty</c>,
        /// <c>new string[0]</c>, <c>new string[] { }</c>, <c>[]</c>, <c>new List&lt;string&gt;()</c> with no elements.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsEmpty(IOperation value)
        {
            var op = value.WalkDownConversions();
            if (op.ConstantValue.HasValue)
            {
                return op.ConstantValue.Value == null || (op.ConstantValue.Value is string s && s.Length == 0);
            }

            switch (op)
            {
                case IDefaultValueOperation _:
                    return true;
                case IFieldReferenceOperation field when field.Field.IsStatic:
                    return field.Field.Name == "Empty" && IsTextOrCollection(field.Type);
                case IPropertyReferenceOperation property when property.Property.IsStatic:
                    return property.Property.Name == "Empty" && IsTextOrCollection(property.Type);
                case IInvocationOperation call when call.TargetMethod.IsStatic && call.Arguments.IsEmpty:
                    // Array.Empty<string>(), Enumerable.Empty<string>(), ImmutableList.Create<string>()
                    return (call.TargetMethod.Name == "Empty" || (call.TargetMethod.Name == "Create" && Namespaces.Is(call.TargetMethod.ContainingNamespace, "System.Collections.Immutable"))) &&
                        IsTextOrCollection(call.Type);
                case IArrayCreationOperation array:
                    return array.Initializer == null ? HasZeroDimension(array) : array.Initializer.ElementValues.IsEmpty;
                case IObjectCreationOperation creation when IsTextOrCollection(creation.Type):
                    // new List<string>(), new List<string>(4), new List<string> { }: a capacity is no reason; a source collection may hold some.
                    foreach (var argument in creation.Arguments)
                    {
                        if (!InsuranceContext.IsIntegral(argument.Value.Type))
                        {
                            return false;
                        }
                    }

                    return creation.Initializer == null || creation.Initializer.Initializers.IsEmpty;
                default:
                    // [] (a collection expression, whose operation the Roslyn this builds against does not model).
                    return op.Syntax is CollectionExpressionSyntax collection && collection.Elements.Count == 0;
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool HasZeroDimension(IArrayCreationOperation array)
        {
            foreach (var size in array.DimensionSizes)
            {
                if (size.ConstantValue.HasValue && size.ConstantValue.Value is int length && length == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A string, an array, or a type that enumerates (List, ImmutableArray, IEnumerable&lt;T&gt;, IReadOnlyList&lt;T&gt;).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsTextOrCollection(ITypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            if (type.SpecialType == SpecialType.System_String || type.SpecialType == SpecialType.System_Collections_IEnumerable || type is IArrayTypeSymbol)
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (implemented.SpecialType == SpecialType.System_Collections_IEnumerable)
                {
                    return true;
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsPubliclyVisible(ISymbol symbol)
        {
            for (var s = symbol; s != null && !(s is INamespaceSymbol); s = s.ContainingSymbol)
            {
                if (s.DeclaredAccessibility != Accessibility.Public)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
