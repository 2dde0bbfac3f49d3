using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>Helpers shared by the underwriting rules (QG2xxx): enclosing functions, outcome leaves, fallback fixes.</summary>
    public static class UnderwritingSemantics
    {
        /// <summary>Diagnostic property: the decision-enum member a fix substitutes for the favourable one.</summary>
        public const string FallbackMemberProperty = "FallbackMember";

        /// <summary>Diagnostic property: "false" when the favourable value is the bool literal true.</summary>
        public const string FallbackLiteralProperty = "FallbackLiteral";

        private static readonly string[] OutcomeWords = { "status", "decision", "outcome" };

        // Calls that record a failure or a referral; logging alone does not count.
        private static readonly string[] RecordingVerbs = { "add", "record", "refer", "fail", "flag", "mark", "register", "enqueue", "push", "append", "set", "reject", "decline", "report" };

        /// <summary>A call that records a failure or referral (Add, Record, Refer, Fail...), not one of a logger's.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsRecordingCall(IMethodSymbol method)
        {
            var typeWords = NameWords.Split(method.ContainingType?.Name ?? string.Empty);
            if (typeWords.Contains("logger") || typeWords.Contains("log") || typeWords.Contains("console") || typeWords.Contains("trace") || typeWords.Contains("debug"))
            {
                return false;
            }

            var words = NameWords.Split(method.Name);
            return words.Count > 0 && words[0] != "log" && RecordingVerbs.Contains(words[0]);
        }

        /// <summary>A string variable, parameter, field or property that holds an outcome: strStatus, m_decision, QuoteOutcome.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsStringOutcome(IOperation target)
        {
            if (target.Type?.SpecialType != SpecialType.System_String || !(target.GetReferencedSymbol() is ISymbol symbol))
            {
                return false;
            }

            return NameWords.LastMatchingWordIndex(NameWords.Split(symbol.Name), OutcomeWords) >= 0;
        }

        /// <summary>The method, local function or lambda whose body contains the operation.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static IMethodSymbol? EnclosingFunction(IOperation operation, ISymbol owningSymbol)
        {
            for (var p = operation.Parent; p != null; p = p.Parent)
            {
                switch (p)
                {
                    case IAnonymousFunctionOperation lambda: return lambda.Symbol;
                    case ILocalFunctionOperation local: return local.Symbol;
                }
            }

            return owningSymbol as IMethodSymbol;
        }

        /// <summary>A bool decision method: IsEligible(), CanBind().</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsBoolDecision(IMethodSymbol? method) => InsuranceContext.IsBoolDecisionMethod(method);

        /// <summary>True when the function decides: decision enum, bool decision, or a result holding a decision.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsDecisionFunction(IMethodSymbol? method, InsuranceContext context) =>
            method != null && (Outcomes.IsDecisionMethod(method, context) || IsBoolDecision(method));

        /// <summary>
        /// The leaf operation (enum member, literal) that makes <paramref name="value"/> a favourable or adverse outcome:
        /// looks through conversions, conditionals and result-object construction.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static IOperation? FindOutcomeLeaf(IOperation? value, InsuranceContext context, InsuranceSettings settings, bool boolIsDecision, bool favourable)
        {
            if (value == null)
            {
                return null;
            }

            var op = value.WalkDownConversions();
            switch (op)
            {
                case IConditionalOperation conditional:
                    return FindOutcomeLeaf(conditional.WhenTrue, context, settings, boolIsDecision, favourable)
                        ?? FindOutcomeLeaf(conditional.WhenFalse, context, settings, boolIsDecision, favourable);
                case IObjectCreationOperation creation:
                    foreach (var argument in creation.Arguments)
                    {
                        var leaf = FindOutcomeLeaf(argument.Value, context, settings, false, favourable) ??
                            (VerdictLeaf(argument.Parameter, argument.Value, favourable) != null ? argument : null);
                        if (leaf != null)
                        {
                            return leaf;
                        }
                    }

                    if (creation.Initializer != null)
                    {
                        foreach (var assignment in creation.Initializer.Initializers.OfType<ISimpleAssignmentOperation>())
                        {
                            var leaf = FindOutcomeLeaf(assignment.Value, context, settings, false, favourable) ??
                                VerdictLeaf(assignment.Target.GetReferencedSymbol(), assignment.Value, favourable);
                            if (leaf != null)
                            {
                                return leaf;
                            }
                        }
                    }

                    return null;
                case IInvocationOperation call when call.Instance == null && call.Arguments.Length > 0:
                    if ((favourable ? Outcomes.GetFavourable(call, context, settings, boolIsDecision) : Outcomes.GetAdverse(call, context, settings, boolIsDecision)) == null)
                    {
                        return null;
                    }

                    // Task.FromResult(Decision.Approve), Result.Of(Decision.Decline): the argument is the leaf a fix can replace.
                    foreach (var argument in call.Arguments)
                    {
                        var leaf = FindOutcomeLeaf(argument.Value, context, settings, boolIsDecision && call.TargetMethod.Name == "FromResult", favourable);
                        if (leaf != null)
                        {
                            return leaf;
                        }
                    }

                    return call;
                default:
                    var outcome = favourable
                        ? Outcomes.GetFavourable(op, context, settings, boolIsDecision)
                        : Outcomes.GetAdverse(op, context, settings, boolIsDecision);
                    return outcome == null ? null : op;
            }
        }

        /// <summary>
        /// <c>new UnderwritingResult(isApproved: false, ...)</c>, <c>new Result { Eligible = true }</c>: a bool parameter or member
        /// named for granting cover (Approved, Eligible, Accepted, Insurable, Acceptable) holds the result's verdict.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation? VerdictLeaf(ISymbol? verdict, IOperation value, bool favourable)
        {
            var type = verdict switch { IParameterSymbol p => p.Type, IPropertySymbol p => p.Type, IFieldSymbol f => f.Type, _ => null };
            return type?.SpecialType == SpecialType.System_Boolean && value.ConstantValue is { HasValue: true, Value: bool granted } && granted == favourable &&
                InsuranceContext.IsBoolVerdictName(verdict!.Name)
                ? value
                : null;
        }

        /// <summary>
        /// The configured fallback (Refer) as a value: the enum member, a result built from it, or a factory or static member
        /// of a result type named after it (<c>Result.Referred("reason")</c>, <c>Decision.ReferToUnderwriter</c>), or a string
        /// status: a literal or constant valued or named after it.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsFallback(IOperation? value, InsuranceContext insurance, InsuranceSettings settings)
        {
            bool Named(string name) => name.StartsWith(settings.FallbackOutcome, System.StringComparison.OrdinalIgnoreCase);
            bool AnyArgument(ImmutableArray<IArgumentOperation> arguments) => arguments.Any(a => IsFallback(a.Value, insurance, settings));

            switch (value?.WalkDownConversions())
            {
                case IFieldReferenceOperation field when insurance.IsDecisionEnum(field.Field.ContainingType):
                    return Named(field.Field.Name);
                case IFieldReferenceOperation field when field.Field.IsStatic && Outcomes.HoldsDecision(field.Type, insurance):
                    return Named(field.Field.Name);
                case IPropertyReferenceOperation property when property.Instance == null && Outcomes.HoldsDecision(property.Type, insurance):
                    return Named(property.Property.Name);
                case IConditionalOperation conditional:
                    return IsFallback(conditional.WhenTrue, insurance, settings) || IsFallback(conditional.WhenFalse, insurance, settings);
                case IObjectCreationOperation creation:
                    return AnyArgument(creation.Arguments) ||
                        (creation.Initializer != null && creation.Initializer.Initializers.OfType<ISimpleAssignmentOperation>().Any(a => IsFallback(a.Value, insurance, settings)));
                case IInvocationOperation call when call.Instance == null:
                    return (Named(call.TargetMethod.Name) && Outcomes.HoldsDecision(Outcomes.UnwrapTask(call.TargetMethod.ReturnType), insurance)) || AnyArgument(call.Arguments);
                case IOperation constant when constant.ConstantValue.HasValue && constant.ConstantValue.Value is string text:
                    // "Referred" (a status, not a sentence), or a status constant valued or named after it (StatusCodes.REFERRED = "REF").
                    return (Named(text) && text.IndexOf(' ') < 0) || (constant.GetReferencedSymbol() is ISymbol symbol && Named(symbol.Name));
                default:
                    return false;
            }
        }

        /// <summary>A value that withholds cover or sends the case to a person: an adverse outcome or the configured fallback (Refer).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsAdverseOrFallback(IOperation? value, InsuranceContext context, InsuranceSettings settings, bool boolIsDecision) =>
            FindOutcomeLeaf(value, context, settings, boolIsDecision, favourable: false) != null || IsFallback(value, context, settings);

        /// <summary>How an outcome leaf reads in a message: Decision.Approve, true, "Quoted".</summary>
        [MethodImpl(HotPath.Optimize)]
        public static string Display(IOperation leaf)
        {
            switch (leaf)
            {
                case IFieldReferenceOperation f: return f.Field.ContainingType.Name + "." + f.Field.Name;
                case ILiteralOperation l when l.ConstantValue.Value is bool b: return b ? "true" : "false";
                case ILiteralOperation l when l.ConstantValue.Value is string s: return "\"" + s + "\"";
                default: return leaf.Syntax.ToString();
            }
        }

        /// <summary>
        /// What a fix may put in place of a favourable leaf: the configured fallback member of the same decision enum,
        /// or false for a bool decision. Empty when there is no safe substitute (strings, enums without the member).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static ImmutableDictionary<string, string?> FallbackProperties(IOperation leaf, InsuranceSettings settings)
        {
            var properties = ImmutableDictionary<string, string?>.Empty;
            switch (leaf)
            {
                case IFieldReferenceOperation f:
                    var member = f.Field.ContainingType.GetMembers().OfType<IFieldSymbol>()
                        .FirstOrDefault(m => m.HasConstantValue && string.Equals(m.Name, settings.FallbackOutcome, System.StringComparison.OrdinalIgnoreCase));
                    return member == null ? properties : properties.Add(FallbackMemberProperty, member.Name);
                case ILiteralOperation l when l.ConstantValue.Value is bool b && b:
                    return properties.Add(FallbackLiteralProperty, "false");
                default:
                    return properties;
            }
        }

        /// <summary>The text of the fallback a fix inserts, for titles.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static string? FallbackDisplay(IOperation leaf, ImmutableDictionary<string, string?> properties) =>
            properties.TryGetValue(FallbackMemberProperty, out var member) && leaf is IFieldReferenceOperation f
                ? f.Field.ContainingType.Name + "." + member
                : properties.TryGetValue(FallbackLiteralProperty, out var literal) ? literal : null;

        /// <summary>The header of a catch clause, <c>catch (Exception ex) when (...)</c>: where handler diagnostics go.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static Location CatchHeaderLocation(CatchClauseSyntax clause)
        {
            int end = clause.Filter?.Span.End ?? clause.Declaration?.Span.End ?? clause.CatchKeyword.Span.End;
            return Location.Create(clause.SyntaxTree, TextSpan.FromBounds(clause.CatchKeyword.SpanStart, end));
        }

        /// <summary>The header of a switch statement, <c>switch (x)</c>.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static Location SwitchHeaderLocation(SwitchStatementSyntax statement) =>
            Location.Create(statement.SyntaxTree, TextSpan.FromBounds(statement.SwitchKeyword.SpanStart, statement.CloseParenToken.Span.End));

        /// <summary>Operations under <paramref name="root"/>, not entering lambdas or local functions (their returns are theirs).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static IEnumerable<IOperation> DescendantsInSameFunction(IOperation root)
        {
            var stack = new Stack<IOperation>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var op = stack.Pop();
                yield return op;
                foreach (var child in op.ChildOperations.Reverse())
                {
                    if (!(child is IAnonymousFunctionOperation) && !(child is ILocalFunctionOperation))
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        /// <summary>True when the operation always leaves by throwing: a throw statement, or a block ending in one.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool EndsInThrow(IOperation? operation)
        {
            switch (operation)
            {
                case IBlockOperation block: return block.Operations.Length > 0 && EndsInThrow(block.Operations[block.Operations.Length - 1]);
                case IExpressionStatementOperation statement: return statement.Operation is IThrowOperation;
                case IThrowOperation _: return true;
                default: return false;
            }
        }

        /// <summary>True when the last statement of a list cannot fall through: return, throw, break-free jump.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool EndsInJump(IOperation? operation)
        {
            switch (operation)
            {
                case IBlockOperation block: return block.Operations.Length > 0 && EndsInJump(block.Operations[block.Operations.Length - 1]);
                case IReturnOperation _: return true;
                case IBranchOperation _: return true;
                default: return EndsInThrow(operation);
            }
        }

        /// <summary>A [Flags] enum, whose switches are never expected to be exhaustive.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsFlagsEnum(ITypeSymbol type, InsuranceContext context) =>
            type.GetAttributes().Any(a => WellKnownTypes.Is(a.AttributeClass, context.Types.FlagsAttribute));
    }
}
