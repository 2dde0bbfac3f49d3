using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace QualityGates.Analyzers.Semantics
{
    public static class OperationExtensions
    {
        [ThreadStatic]
        private static List<IOperation>? t_stack;

        /// <summary>
        /// Appends every operation under <paramref name="root"/> to <paramref name="into"/>, parents before children and
        /// children in order, as Roslyn's <c>Descendants()</c> gives them. Its iterator keeps a value-type builder that a
        /// build runs unoptimized (see <see cref="HotPath"/>); this walk is compiled optimized, needs no recursion for deep
        /// expressions, and allocates nothing once the thread's stack has grown.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static void AddDescendants(IOperation root, List<IOperation> into)
        {
            // Popping clears each slot, so the spare stack holds no operation between walks.
            var stack = t_stack ??= new List<IOperation>();
            int bottom = stack.Count;
            try
            {
                PushChildren(root, stack);
                while (stack.Count > bottom)
                {
                    var op = stack[stack.Count - 1];
                    stack.RemoveAt(stack.Count - 1);
                    into.Add(op);
                    PushChildren(op, stack);
                }
            }
            finally
            {
                // A cancelled walk must not leave a method's operations on the thread's stack.
                stack.RemoveRange(bottom, stack.Count - bottom);
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static void PushChildren(IOperation operation, List<IOperation> stack)
        {
            int first = stack.Count;
            foreach (var child in operation.ChildOperations)
            {
                stack.Add(child);
            }

            stack.Reverse(first, stack.Count - first);
        }

        /// <summary>
        /// The declaration of a local, a declarator or the pattern that binds it: down from the method's root, always into
        /// the child that holds the declaration's span. Neither a walk of the whole method per condition nor the semantic
        /// model, whose lookups take locks the compiler's own binding holds in a parallel build. An out variable gives null.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static IOperation? FindDeclaration(this ILocalReferenceOperation local, IOperation root)
        {
            var references = local.Local.DeclaringSyntaxReferences;
            if (references.Length != 1 || references[0].SyntaxTree != root.Syntax.SyntaxTree || !root.Syntax.Span.Contains(references[0].Span))
            {
                return null;
            }

            var span = references[0].Span;
            for (IOperation? current = root; current != null;)
            {
                if (current.Kind == OperationKind.VariableDeclarator && current.Syntax.Span == span)
                {
                    return current;
                }

                // is { } score: the designation has no operation of its own; the pattern holding it declares the local.
                if (current is IPatternOperation pattern && SymbolEqualityComparer.Default.Equals(PatternBindings.DeclaredLocal(pattern), local.Local))
                {
                    return pattern;
                }

                IOperation? next = null;
                foreach (var child in current.ChildOperations)
                {
                    if (child.Syntax.Span.Contains(span))
                    {
                        next = child;
                        break;
                    }
                }

                current = next;
            }

            return null;
        }

        /// <summary>
        /// The value a local is declared with (<c>var x = value;</c>), found by <see cref="FindDeclaration"/>; null for a local
        /// declared without one, or bound by a pattern or an out argument.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static IOperation? InitialValue(this ILocalReferenceOperation local, IOperation root) =>
            local.FindDeclaration(root) is IVariableDeclaratorOperation declarator
                ? declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value
                : null;

        /// <summary>
        /// The value a local was declared with, when it still holds it at <paramref name="at"/>: declared before it and
        /// written nowhere in between (<c>var premium = 0m; premium = sumInsured * rate; switch ...</c> holds no 0m there).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static IOperation? InitialValueAt(this ILocalReferenceOperation local, IOperation at)
        {
            var root = at.Root();
            var initial = local.InitialValue(root);
            if (initial == null || initial.Syntax.SpanStart >= at.Syntax.SpanStart)
            {
                return null;
            }

            foreach (var reference in root.ReferencesTo(local.Local))
            {
                if (reference.Syntax.SpanStart > initial.Syntax.SpanStart && reference.Syntax.SpanStart < at.Syntax.SpanStart && reference.IsWrite())
                {
                    return null;
                }
            }

            return initial;
        }

        /// <summary>
        /// The value a local holds wherever it is read: its declaration's value, when nothing else in the member writes it
        /// (no assignment, increment, deconstruction or ref/out argument). Null otherwise.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static IOperation? SingleValue(this ILocalReferenceOperation read, IOperation root)
        {
            if (read.Local.IsRef)
            {
                return null;
            }

            foreach (var reference in root.ReferencesTo(read.Local))
            {
                if (reference.IsWrite())
                {
                    return null;
                }
            }

            return read.InitialValue(root);
        }

        /// <summary>
        /// Whether every value a choice can produce passes the test: the value itself, each branch of a <c>?:</c>, each arm of a
        /// switch expression (an arm that throws produces none). False for null.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool EveryChoice(this IOperation? value, Func<IOperation, bool> test)
        {
            switch (value?.WalkDownConversions())
            {
                case null:
                    return false;
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return conditional.WhenTrue.EveryChoice(test) && whenFalse.EveryChoice(test);
                case ISwitchExpressionOperation switchExpression:
                    return switchExpression.Arms.Length > 0 &&
                        switchExpression.Arms.All(arm => arm.Value.WalkDownConversions() is IThrowOperation || arm.Value.EveryChoice(test));
                default:
                    return test(value!);
            }
        }

        /// <summary>An assignment's, increment's, deconstruction's or ref/out argument's target.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsWrite(this ILocalReferenceOperation reference)
        {
            var parent = reference.Parent;
            while (parent is ITupleOperation)
            {
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IAssignmentOperation assignment: return assignment.Target == reference || assignment is IDeconstructionAssignmentOperation;
                case IIncrementOrDecrementOperation _: return true;
                case IArgumentOperation argument: return argument.Parameter?.RefKind == RefKind.Ref || argument.Parameter?.RefKind == RefKind.Out;
                default: return reference.Syntax.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.RefExpressionSyntax;
            }
        }

        /// <summary>Every reference to the local in the tree under <paramref name="root"/>, in the driver's order.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static IEnumerable<ILocalReferenceOperation> ReferencesTo(this IOperation root, ILocalSymbol local)
        {
            foreach (var operation in root.Descendants())
            {
                if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    yield return reference;
                }
            }
        }

        /// <summary>The top of the operation tree the operation belongs to: its member's body (or initializer).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static IOperation Root(this IOperation operation)
        {
            while (operation.Parent != null)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        /// <summary>The local a value is stored in: <c>var x = value;</c> or <c>x = value;</c>. Null otherwise.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static ILocalSymbol? ReceivingLocal(this IOperation value)
        {
            switch (value.WalkUpConversions())
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return declarator.Symbol;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value.WalkDownConversions() == value.WalkDownConversions():
                    return target.Local;
                default:
                    return null;
            }
        }

        /// <summary>Strips implicit and explicit conversions and parentheses.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static IOperation WalkDownConversions(this IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation c:
                        operation = c.Operand;
                        continue;
                    case IParenthesizedOperation p:
                        operation = p.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>Climbs past conversions and parentheses to the operation that consumes this value.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static IOperation? WalkUpConversions(this IOperation operation)
        {
            var parent = operation.Parent;
            while (parent is IConversionOperation || parent is IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            return parent;
        }

        /// <summary>The operand of <paramref name="binary"/> that is not <paramref name="operand"/> (conversions aside).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static IOperation OtherOperand(this IBinaryOperation binary, IOperation operand) =>
            ReferenceEquals(binary.LeftOperand.WalkDownConversions(), operand.WalkDownConversions()) ? binary.RightOperand : binary.LeftOperand;

        /// <summary>
        /// The operator and operands of <c>a op b</c>, or of <c>a op= b</c> with the target as left operand: a compound
        /// assignment does the same arithmetic (<c>premium *= 1.15m</c> is <c>premium = premium * 1.15m</c>).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool TryGetArithmetic(this IOperation operation, out BinaryOperatorKind kind, out IOperation left, out IOperation right)
        {
            switch (operation)
            {
                case IBinaryOperation binary:
                    (kind, left, right) = (binary.OperatorKind, binary.LeftOperand, binary.RightOperand);
                    return true;
                case ICompoundAssignmentOperation compound:
                    (kind, left, right) = (compound.OperatorKind, compound.Target, compound.Value);
                    return true;
                default:
                    (kind, left, right) = (BinaryOperatorKind.None, operation, operation);
                    return false;
            }
        }

        /// <summary>The local, parameter, field, property or method an operation reads, if any.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static ISymbol? GetReferencedSymbol(this IOperation operation)
        {
            switch (operation.WalkDownConversions())
            {
                case ILocalReferenceOperation l: return l.Local;
                case IParameterReferenceOperation p: return p.Parameter;
                case IFieldReferenceOperation f: return f.Field;
                case IPropertyReferenceOperation pr: return pr.Property;
                case IInvocationOperation i: return i.TargetMethod;
                case IDeclarationExpressionOperation d when d.Expression is ILocalReferenceOperation dl: return dl.Local;
                default: return null;
            }
        }

        /// <summary>
        /// The string a value is made from before instance string methods (Trim(), ToUpperInvariant(), Substring()...),
        /// range slices (<c>code[..2]</c>, <c>code[0..2]</c>, which the compiler turns into Substring) and character
        /// spans over it (<c>code.AsSpan(0, 2)</c>, <c>span.Slice(0, 2)</c>, <c>span[..2]</c>): a normalised or shortened
        /// code is still the code it came from.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static IOperation WalkDownStringMethods(this IOperation operation)
        {
            var op = operation.WalkDownConversions();
            while (true)
            {
                IOperation source;
                switch (op)
                {
                    case IInvocationOperation call when call.Instance != null &&
                        (call.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String || (IsCharSpan(call.Instance.Type) && IsCharSpan(call.Type))):
                        source = call.Instance;
                        break;
                    case IInvocationOperation call when call.Instance == null && call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 &&
                        call.TargetMethod.ContainingType?.Name == "MemoryExtensions" && IsText(call.Arguments[0].Value.Type) && IsCharSpan(call.Type):
                        // code.AsSpan(0, 2), span.Trim(): MemoryExtensions takes the text as its first argument.
                        source = call.Arguments[0].Value;
                        break;
                    case IImplicitIndexerReferenceOperation slice when IsText(slice.Instance.Type) && IsText(slice.Type):
                        source = slice.Instance;
                        break;
                    default:
                        return op;
                }

                op = source.WalkDownConversions();
            }
        }

        /// <summary>A string, or a span of its characters.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsText(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String || IsCharSpan(type);

        [MethodImpl(HotPath.Optimize)]
        private static bool IsCharSpan(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && named.Arity == 1 && (named.Name == "ReadOnlySpan" || named.Name == "Span") &&
            named.TypeArguments[0].SpecialType == SpecialType.System_Char && named.ContainingNamespace?.Name == "System";

        /// <summary>Classifies an expression as money, rate or neither: a money symbol, or arithmetic over one.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static ValueKind GetValueKind(this IOperation operation, InsuranceContext context)
        {
            var op = operation.WalkDownConversions();
            switch (op)
            {
                // "Premium: " + premium is text that mentions money, not money.
                case IBinaryOperation b when IsArithmetic(b.OperatorKind) && b.Type?.SpecialType != SpecialType.System_String:
                    var left = b.LeftOperand.GetValueKind(context);
                    var right = b.RightOperand.GetValueKind(context);
                    if (left == ValueKind.Money || right == ValueKind.Money)
                    {
                        // money / money is a ratio, not money
                        return b.OperatorKind == BinaryOperatorKind.Divide && left == ValueKind.Money && right == ValueKind.Money ? ValueKind.Rate : ValueKind.Money;
                    }

                    return left == ValueKind.Rate || right == ValueKind.Rate ? ValueKind.Rate : ValueKind.None;
                case IUnaryOperation u:
                    return u.Operand.GetValueKind(context);
                case ICompoundAssignmentOperation ca:
                    return ca.Target.GetValueKind(context);
                case ISimpleAssignmentOperation sa:
                    return sa.Target.GetValueKind(context);
                case IConditionalOperation c:
                    var whenTrue = c.WhenTrue.GetValueKind(context);
                    return whenTrue != ValueKind.None ? whenTrue : (c.WhenFalse?.GetValueKind(context) ?? ValueKind.None);
                case ICoalesceOperation co:
                    return co.Value.GetValueKind(context);
                // quote.AnnualPremium?.Amount is the amount, when there is one.
                case IConditionalAccessOperation access:
                    return access.WhenNotNull.GetValueKind(context);
                case IInvocationOperation inv when IsMathPassThrough(inv, context):
                    foreach (var arg in inv.Arguments)
                    {
                        var k = arg.Value.GetValueKind(context);
                        if (k != ValueKind.None)
                        {
                            return k;
                        }
                    }

                    return ValueKind.None;
                default:
                    var symbol = op.GetReferencedSymbol();
                    var kind = symbol == null ? ValueKind.None : context.GetValueKind(symbol);
                    if (kind == ValueKind.None && operation.Type != null && InsuranceContext.IsNumeric(operation.Type) && InfluenceFlow.ColumnName(op) is string column)
                    {
                        // (decimal)row["Premium"], row.Field<double>("Rate"): a DataRow column is named by its key.
                        kind = context.GetSettings(op.Syntax.SyntaxTree).KindOfName(column);
                    }
                    else if (kind == ValueKind.None && operation.Type != null && InsuranceContext.IsNumeric(operation.Type) && CollectionName(op) is string collection)
                    {
                        // _attainedAgeFactors[65], premiums[i]: an element is what its collection is named for.
                        kind = context.GetSettings(op.Syntax.SyntaxTree).KindOfName(collection);
                    }

                    return kind;
            }
        }

        [MethodImpl(HotPath.Optimize)]
        public static bool IsMoneyOrRate(this IOperation operation, InsuranceContext context) => operation.GetValueKind(context) != ValueKind.None;

        /// <summary>
        /// The name of the collection an indexer or array element is read from, up to "By" (factorsByZip is factors):
        /// null for anything else.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static string? CollectionName(IOperation element)
        {
            ISymbol? collection;
            switch (element)
            {
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance }:
                    collection = instance.GetReferencedSymbol();
                    break;
                case IArrayElementReferenceOperation array:
                    collection = array.ArrayReference.GetReferencedSymbol();
                    break;
                default:
                    return null;
            }

            if (collection == null)
            {
                return null;
            }

            // Most names have no "by": answered without splitting (the name's kind is cached per name).
            if (collection.Name.IndexOf("by", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return collection.Name;
            }

            var words = NameWords.Split(collection.Name);
            for (int i = 1; i < words.Count; i++)
            {
                if (words[i] == "by")
                {
                    return string.Concat(words.Take(i));
                }
            }

            return collection.Name;
        }

        [MethodImpl(HotPath.Optimize)]
        public static bool IsArithmetic(BinaryOperatorKind kind) =>
            kind == BinaryOperatorKind.Add || kind == BinaryOperatorKind.Subtract || kind == BinaryOperatorKind.Multiply ||
            kind == BinaryOperatorKind.Divide || kind == BinaryOperatorKind.Remainder;

        /// <summary>Math.Round/Max/Min/Abs/Floor... keep the meaning of their argument.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsMathPassThrough(IInvocationOperation invocation, InsuranceContext context)
        {
            var type = invocation.TargetMethod.ContainingType;
            return WellKnownTypes.Is(type, context.Types.Math) || WellKnownTypes.Is(type, context.Types.MathF) || type.SpecialType == SpecialType.System_Decimal;
        }


        /// <summary>True when the operation is a numeric literal (possibly negated or converted).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool TryGetNumericConstant(this IOperation operation, out decimal value)
        {
            value = 0;
            var op = operation.WalkDownConversions();
            var constant = op.ConstantValue;
            if (!constant.HasValue || constant.Value == null)
            {
                return false;
            }

            switch (constant.Value)
            {
                case int i: value = i; return true;
                case long l: value = l; return true;
                case decimal d: value = d; return true;
                case double db when !double.IsNaN(db) && !double.IsInfinity(db) && System.Math.Abs(db) < 7.9e27: value = (decimal)db; return true;
                case float f when !float.IsNaN(f) && !float.IsInfinity(f) && System.Math.Abs(f) < 7.9e27f: value = (decimal)f; return true;
                case short s: value = s; return true;
                case byte b: value = b; return true;
                case uint ui: value = ui; return true;
                case ulong ul: value = ul; return true;
                default: return false;
            }
        }
    }
}
