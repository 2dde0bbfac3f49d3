using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// Intra-procedural influence analysis shared by QG2007 (protected characteristics), QG2009 (randomness) and QG2012
    /// (proxies): which source reads reach a price, a rate or a decision, through locals (assigned, declared, deconstructed,
    /// passed out or bound by a pattern: data flow) and through the
    /// conditions that guard an assignment or a return (control dependence). Flow-insensitive over locals, which keeps
    /// it linear in the method size; a method without any source read costs one walk of its operations.
    /// </summary>
    public sealed class InfluenceFlow
    {
        public const string PriceSink = "the price";
        public const string RateSink = "a rating factor";
        public const string DecisionSink = "the underwriting decision";

        private const int MaxSpareOperations = 1 << 16;

        /// <summary>
        /// Each thread's spare operation list. The walk runs for every method of pricing code, and an allocation that
        /// happens to start a garbage collection is charged the whole pause: in build profiles, growing a fresh list per
        /// method was most of QG2009's time.
        /// </summary>
        [ThreadStatic]
        private static List<IOperation>? t_operations;

        private readonly InsuranceContext _insurance;
        private readonly ISymbol _owningSymbol;
        private readonly Func<IMethodSymbol, string?>? _extraReturnSink;
        private readonly Dictionary<ILocalSymbol, HashSet<IOperation>> _locals = new Dictionary<ILocalSymbol, HashSet<IOperation>>(SymbolEqualityComparer.Default);
        private readonly HashSet<IOperation> _sources = new HashSet<IOperation>();

        private InfluenceFlow(InsuranceContext insurance, ISymbol owningSymbol, Func<IMethodSymbol, string?>? extraReturnSink)
        {
            _insurance = insurance;
            _owningSymbol = owningSymbol;
            _extraReturnSink = extraReturnSink;
        }

        /// <summary>
        /// Calls <paramref name="report"/> once per source read that influences a sink, with the source's name and the
        /// sink's description (<see cref="PriceSink"/>, <see cref="RateSink"/>, <see cref="DecisionSink"/> or the
        /// description <paramref name="extraReturnSink"/> gives a function's return).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static void Analyze(
            IOperation root,
            ISymbol owningSymbol,
            InsuranceContext insurance,
            Func<IOperation, string?> sourceName,
            Action<IOperation, string, string> report,
            Func<IMethodSymbol, string?>? extraReturnSink = null)
        {
            // Taken from the thread's spare list, and given back cleared (it must not keep a method's operations alive).
            var all = t_operations ?? new List<IOperation>();
            t_operations = null;
            try
            {
                OperationExtensions.AddDescendants(root, all);
                Analyze(all, owningSymbol, insurance, sourceName, report, extraReturnSink);
            }
            finally
            {
                all.Clear();
                if (all.Capacity <= MaxSpareOperations)
                {
                    t_operations = all;
                }
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static void Analyze(
            List<IOperation> all,
            ISymbol owningSymbol,
            InsuranceContext insurance,
            Func<IOperation, string?> sourceName,
            Action<IOperation, string, string> report,
            Func<IMethodSymbol, string?>? extraReturnSink)
        {
            // Most methods read no source at all: look for one before building anything. A source is always a read of a
            // parameter, field or property, or a call; the kind test spares the rule's own test for every other operation.
            List<IOperation>? sources = null;
            foreach (var op in all)
            {
                if (IsRead(op.Kind) && sourceName(op) != null && !IsPresenceCheck(op))
                {
                    (sources ??= new List<IOperation>()).Add(op);
                }
            }

            if (sources == null)
            {
                return;
            }

            var flow = new InfluenceFlow(insurance, owningSymbol, extraReturnSink);
            flow._sources.UnionWith(sources);

            flow.PropagateThroughLocals(all);
            var reported = new HashSet<IOperation>();
            foreach (var op in all)
            {
                var sink = flow.SinkOf(op, out var influences);
                if (sink == null)
                {
                    continue;
                }

                foreach (var source in influences!.OrderBy(s => s.Syntax.SpanStart))
                {
                    if (!IsTableLookedUpBySource(source, influences!) && !IsInstanceOfSource(source, influences!) && reported.Add(source))
                    {
                        report(WholeRead(source), sourceName(source)!, sink);
                    }
                }
            }
        }

        /// <summary>
        /// The receiver of another source read (<c>s.MailingAddress.PostalCode</c>, <c>s.MailingAddress?.PostalCode</c>): one
        /// chain is one read of the person's data, reported once, at the member it ends in.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsInstanceOfSource(IOperation source, HashSet<IOperation> influences)
        {
            var parent = source.WalkUpConversions();
            if (parent is IMemberReferenceOperation member && member.Instance?.WalkDownConversions() == source)
            {
                return influences.Contains(member);
            }

            if (parent is IConditionalAccessOperation conditional && conditional.Operation.WalkDownConversions() == source)
            {
                foreach (var part in conditional.WhenNotNull.DescendantsAndSelf())
                {
                    if (part is IMemberReferenceOperation read && read.Instance is IConditionalAccessInstanceOperation && influences.Contains(read))
                    {
                        return true;
                    }
                }
            }

            // PostcodeArea(owner.Postcode ?? ""): a call named for the characteristic, on it, is the one read.
            while (parent is ICoalesceOperation || parent is IConditionalAccessOperation)
            {
                parent = parent.WalkUpConversions();
            }

            if (parent is IArgumentOperation { Parent: IInvocationOperation call } && influences.Contains(call))
            {
                return true;
            }

            return false;
        }

        /// <summary>
        /// Where a read is reported: a member read through <c>?.</c> is the whole access (<c>s.MailingAddress?.PostalCode</c>),
        /// not its bare <c>.PostalCode</c> tail.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation WholeRead(IOperation source)
        {
            if (!(source is IMemberReferenceOperation member && member.Instance is IConditionalAccessInstanceOperation))
            {
                return source;
            }

            // Up while the access ends in this read (a?.B, a?.B?.C), not in a call on it (a?.B.ToString()).
            var read = source;
            while (read.Parent is IConditionalAccessOperation access && access.WhenNotNull == read)
            {
                read = access;
            }

            return read;
        }

        /// <summary>
        /// A table named for the characteristic and looked up by a key that is itself a source (<c>_byPostcode[postcode]</c>,
        /// <c>genderFactors.GetValueOrDefault(applicant.Gender)</c>): one use of the characteristic, reported once, at the key.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsTableLookedUpBySource(IOperation source, HashSet<IOperation> influences)
        {
            ImmutableArray<IArgumentOperation> arguments;
            switch (source.WalkUpConversions())
            {
                case IPropertyReferenceOperation indexer when indexer.Property.IsIndexer && indexer.Instance?.WalkDownConversions() == source:
                    arguments = indexer.Arguments;
                    break;
                case IInvocationOperation call when call.Instance?.WalkDownConversions() == source:
                    arguments = call.Arguments;
                    break;
                case IArgumentOperation receiver when receiver.Parent is IInvocationOperation extension && extension.TargetMethod.IsExtensionMethod &&
                    extension.Arguments.Length > 1 && extension.Arguments[0] == receiver:
                    arguments = extension.Arguments.RemoveAt(0);
                    break;
                default:
                    return false;
            }

            // The key may be a part of the source (_postcodeLoadings.TryGetValue(a.Postcode[..2], out var loading)).
            foreach (var argument in arguments)
            {
                foreach (var part in argument.Value.DescendantsAndSelf())
                {
                    if (influences.Contains(part))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Assignments into locals, repeated until no local gains a new source (bounded: sources are finite).</summary>
        [MethodImpl(HotPath.Optimize)]
        private void PropagateThroughLocals(List<IOperation> all)
        {
            var assignments = new List<(ILocalSymbol Local, IOperation Value, IOperation Site)>();
            foreach (var op in all)
            {
                switch (op)
                {
                    case IDeconstructionAssignmentOperation deconstruction:
                        AddDeconstructed(deconstruction.Target, deconstruction.Value, deconstruction, assignments);
                        break;
                    case IAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation local:
                        assignments.Add((local.Local, assignment.Value, assignment));
                        break;
                    case IVariableDeclaratorOperation declarator when declarator.Initializer != null:
                        assignments.Add((declarator.Symbol, declarator.Initializer.Value, declarator));
                        break;
                    case IArgumentOperation argument when argument.Parameter != null && argument.Parameter.RefKind != RefKind.None &&
                        argument.Value.GetReferencedSymbol() is ILocalSymbol outLocal && argument.Parent != null:
                        // Lookup(gender, out var factor): the out value depends on every input of the call.
                        assignments.Add((outLocal, argument.Parent, argument.Parent));
                        break;
                    case IPatternOperation pattern when PatternBindings.DeclaredLocal(pattern) is ILocalSymbol bound:
                        AddBound(bound, pattern, assignments);
                        break;
                }
            }

            if (assignments.Count == 0)
            {
                return;
            }

            for (int round = 0, changed = 1; changed > 0 && round < 16; round++)
            {
                changed = 0;
                foreach (var (local, value, site) in assignments)
                {
                    var influences = Taint(value);
                    influences.UnionWith(GuardTaint(site));
                    if (influences.Count == 0)
                    {
                        continue;
                    }

                    if (!_locals.TryGetValue(local, out var set))
                    {
                        _locals[local] = set = new HashSet<IOperation>();
                    }

                    int before = set.Count;
                    set.UnionWith(influences);
                    changed += set.Count - before;
                }
            }
        }

        /// <summary>
        /// <c>p.Gender is Gender g</c>, <c>case { } g:</c>: the local holds the matched value. <c>p is { Gender: var g }</c>:
        /// it holds the member, and whatever the object the member is read from holds (<c>x.Person is { Sex: var s }</c>).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AddBound(ILocalSymbol local, IPatternOperation pattern, List<(ILocalSymbol Local, IOperation Value, IOperation Site)> assignments)
        {
            for (IPatternOperation? current = pattern; current != null;)
            {
                var matched = PatternBindings.MatchedValue(current, out var enclosing);
                if (matched != null)
                {
                    assignments.Add((local, matched, pattern));
                }

                current = enclosing;
            }
        }

        /// <summary>
        /// <c>var (g, c) = (p.Gender, p.Claims);</c> and <c>(g, c) = (x, y);</c>: each local takes its own element of a
        /// tuple literal (nested tuples element by element); from any other value (a call returning a tuple, a Deconstruct
        /// call) every local takes the whole value, whose parts cannot be told apart.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AddDeconstructed(IOperation target, IOperation value, IOperation site, List<(ILocalSymbol Local, IOperation Value, IOperation Site)> assignments)
        {
            if (target is IDeclarationExpressionOperation declaration)
            {
                target = declaration.Expression;
            }

            switch (target)
            {
                case ITupleOperation targets:
                    var values = value.WalkDownConversions() as ITupleOperation;
                    for (int i = 0; i < targets.Elements.Length; i++)
                    {
                        var element = values != null && values.Elements.Length == targets.Elements.Length ? values.Elements[i] : value;
                        AddDeconstructed(targets.Elements[i], element, site, assignments);
                    }

                    break;
                case ILocalReferenceOperation local:
                    assignments.Add((local.Local, value, site));
                    break;
            }
        }

        /// <summary>What the operation decides or prices, with the sources that influence it; null when it is no sink.</summary>
        [MethodImpl(HotPath.Optimize)]
        private string? SinkOf(IOperation op, out HashSet<IOperation>? influences)
        {
            influences = null;
            string? sink;
            IOperation? value;
            switch (op)
            {
                case IAssignmentOperation assignment:
                    sink = TargetSink(assignment.Target.GetReferencedSymbol(), assignment.Target.Type) ?? ScaledBy(assignment) ??
                        (UnderwritingSemantics.IsStringOutcome(assignment.Target) ? DecisionSink : null);
                    value = assignment.Value;
                    break;
                // return new QuoteRecord(total): an argument that becomes a constructed value's premium or rate.
                case IArgumentOperation { Parent: IObjectCreationOperation, Parameter: { } parameter } argument:
                    sink = TargetSink(parameter, parameter.Type);
                    value = argument.Value;
                    break;
                case IVariableDeclaratorOperation declarator when declarator.Initializer != null:
                    sink = TargetSink(declarator.Symbol, declarator.Symbol.Type);
                    value = declarator.Initializer.Value;
                    break;
                case IReturnOperation ret when ret.ReturnedValue != null:
                    var function = UnderwritingSemantics.EnclosingFunction(ret, _owningSymbol);
                    sink = ReturnSink(function) ?? ReturnedValueSink(function, ret.ReturnedValue) ?? StatusSink(ret.ReturnedValue);
                    value = ret.ReturnedValue;
                    break;
                case IBinaryOperation binary when OperationExtensions.IsArithmetic(binary.OperatorKind):
                    var kind = binary.GetValueKind(_insurance);
                    if (kind == ValueKind.None)
                    {
                        return null;
                    }

                    influences = Taint(binary.LeftOperand);
                    influences.UnionWith(Taint(binary.RightOperand));
                    return influences.Count == 0 ? null : SinkFor(kind);
                default:
                    return null;
            }

            if (sink == null)
            {
                return null;
            }

            influences = Taint(value);
            influences.UnionWith(GuardTaint(op));
            return influences.Count == 0 ? null : sink;
        }

        /// <summary>What a money or rate value is when it is a sink: the price or a rating factor.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static string? SinkFor(ValueKind kind) => kind == ValueKind.Money ? PriceSink : kind == ValueKind.Rate ? RateSink : null;

        /// <summary>
        /// <c>return StatusCodes.DECLINED;</c>, <c>return m_strStatus;</c>: a legacy string status returned is the decision, as an
        /// enum member would be (QG2001 and QG2003 read string statuses the same way).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private string? StatusSink(IOperation returned)
        {
            if (returned.Type?.SpecialType != SpecialType.System_String)
            {
                return null;
            }

            if (UnderwritingSemantics.IsStringOutcome(returned.WalkDownConversions()))
            {
                return DecisionSink;
            }

            var settings = _insurance.GetSettings(_owningSymbol);
            return Outcomes.GetAdverse(returned, _insurance, settings, false) != null || Outcomes.GetFavourable(returned, _insurance, settings, false) != null ? DecisionSink : null;
        }

        /// <summary><c>total *= genderLoading</c>: whatever the target is called, scaling it by a rate or adding money prices it, as <c>total * genderLoading</c> would.</summary>
        [MethodImpl(HotPath.Optimize)]
        private string? ScaledBy(IAssignmentOperation assignment)
        {
            if (!(assignment is ICompoundAssignmentOperation compound) || !OperationExtensions.IsArithmetic(compound.OperatorKind))
            {
                return null;
            }

            return SinkFor(compound.Value.GetValueKind(_insurance));
        }

        [MethodImpl(HotPath.Optimize)]
        private string? TargetSink(ISymbol? target, ITypeSymbol? type)
        {
            if (type != null && _insurance.IsDecisionEnum(type))
            {
                return DecisionSink;
            }

            return SinkFor(_insurance.GetValueKind(target));
        }

        [MethodImpl(HotPath.Optimize)]
        private string? ReturnSink(IMethodSymbol? function)
        {
            if (function == null)
            {
                return null;
            }

            if (UnderwritingSemantics.IsDecisionFunction(function, _insurance))
            {
                return DecisionSink;
            }

            var extra = _extraReturnSink?.Invoke(function);
            if (extra != null)
            {
                return extra;
            }

            return SinkFor(function.MethodKind == MethodKind.LambdaMethod ? ValueKind.None : _insurance.GetValueKind(function));
        }

        /// <summary>
        /// A return of pricing code whose value is Money or a Rate (<c>return basePremium * loading;</c>) prices, whatever
        /// the function is called. Only numeric or money-typed values: a string built from a premium is not a price.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private string? ReturnedValueSink(IMethodSymbol? function, IOperation value)
        {
            var type = value.Type;
            if (function == null || type == null || !_insurance.IsInScope(function, Scope.Pricing) ||
                !(InsuranceContext.IsNumeric(type) || InsuranceContext.IsMoneyType(type, _insurance.GetSettings(function))))
            {
                return null;
            }

            return SinkFor(value.GetValueKind(_insurance));
        }

        /// <summary>The sources an expression reads, directly or through locals.</summary>
        [MethodImpl(HotPath.Optimize)]
        private HashSet<IOperation> Taint(IOperation? expression)
        {
            var result = new HashSet<IOperation>();
            if (expression == null)
            {
                return result;
            }

            var stack = new Stack<IOperation>();
            stack.Push(expression);
            while (stack.Count > 0)
            {
                var op = stack.Pop();
                if (op is INameOfOperation)
                {
                    continue;
                }

                if (_sources.Contains(op))
                {
                    result.Add(op);
                }
                else if (op is ILocalReferenceOperation local && _locals.TryGetValue(local.Local, out var set))
                {
                    result.UnionWith(set);
                }

                foreach (var child in op.ChildOperations)
                {
                    if (!IsSideCarriage(child))
                    {
                        stack.Push(child);
                    }
                }
            }

            return result;
        }

        /// <summary>
        /// <c>new TriageOutcome(decision, "SCORE", sampledForQuality)</c>: a constructed result carries its decision and its
        /// amounts, not the flags, texts and stamps beside them. A bool parameter that is no verdict, a string, a Guid or a
        /// date is carried along; what it holds does not decide.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsSideCarriage(IOperation child)
        {
            if (!(child is IArgumentOperation { Parent: IObjectCreationOperation, Parameter: { } parameter }))
            {
                return false;
            }

            switch (parameter.Type.SpecialType)
            {
                case SpecialType.System_Boolean:
                    return !InsuranceContext.IsBoolVerdictName(parameter.Name);
                case SpecialType.System_String:
                case SpecialType.System_DateTime:
                    return true;
                default:
                    return parameter.Type.Name == "Guid" || parameter.Type.Name == "DateTimeOffset" || parameter.Type.Name == "DateOnly";
            }
        }

        /// <summary>The sources read by the conditions that decide whether <paramref name="op"/> runs.</summary>
        [MethodImpl(HotPath.Optimize)]
        private HashSet<IOperation> GuardTaint(IOperation op)
        {
            var result = new HashSet<IOperation>();
            for (IOperation? child = op, parent = op.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when child != conditional.Condition:
                        result.UnionWith(Taint(conditional.Condition));
                        break;
                    case ISwitchOperation switchOperation when child != switchOperation.Value:
                        result.UnionWith(Taint(switchOperation.Value));
                        break;
                    case ISwitchExpressionOperation switchExpression when child != switchExpression.Value:
                        result.UnionWith(Taint(switchExpression.Value));
                        break;
                    case ISwitchCaseOperation switchCase when !(child is ICaseClauseOperation):
                        // case { Religion: "X" } when ...: the case's own patterns, values and guards decide its body.
                        foreach (var clause in switchCase.Clauses)
                        {
                            result.UnionWith(Taint(clause));
                        }

                        break;
                    case ISwitchExpressionArmOperation arm when child == arm.Value:
                        result.UnionWith(Taint(arm.Pattern));
                        result.UnionWith(Taint(arm.Guard));
                        break;
                    case IWhileLoopOperation loop when child != loop.Condition:
                        result.UnionWith(Taint(loop.Condition));
                        break;
                    case IAnonymousFunctionOperation _:
                    case ILocalFunctionOperation _:
                        return result;
                }
            }

            return result;
        }

        /// <summary>
        /// The name of the member an operation reads when it is a source by name: a parameter, field, property or method
        /// call (locals are not sources: they carry the sources assigned to them) whose symbol, or whose enum type,
        /// matches <paramref name="patterns"/> or carries <c>[ProtectedCharacteristic]</c> (when <paramref name="byAttribute"/>),
        /// or a column read by a constant name (<c>row["Gender"]</c>, <c>row.Field&lt;string&gt;("Religion")</c>).
        /// Not a source: a call that returns a decision (<c>AssessDisability(claim)</c> decides about the characteristic;
        /// that method is analysed on its own), and a member named for a fact of the insured event that the characteristic
        /// only qualifies (<c>DisabilityOnsetDate</c>, <c>PreDisabilityEarnings</c>, <c>MaternityBenefitAmount</c>: in
        /// disability or maternity cover the event is what is insured, not a trait of the applicant).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static string? NamedSource(IOperation op, WordPatterns patterns, bool byAttribute, InsuranceContext insurance, Func<string, bool>? exclude = null)
        {
            ISymbol? symbol;
            ITypeSymbol? type;
            if (ColumnName(op) is string column)
            {
                // A record read by column name (DataRow, IDataReader, Hashtable): the column is the member.
                return Matches(column, patterns, exclude) && !IsEventFact(column, patterns) ? column : null;
            }

            switch (op)
            {
                case IParameterReferenceOperation p: symbol = p.Parameter; type = p.Parameter.Type; break;
                // A constant, or a static readonly value (static readonly Regex PostcodeArea), is fixed by the code, not known about
                // a person; a static readonly table keyed by the proxy still carries it.
                case IFieldReferenceOperation f when !f.Field.HasConstantValue && !(f.Field.IsStatic && f.Field.IsReadOnly && !IsCollection(f.Field.Type)):
                    symbol = f.Field;
                    type = f.Field.Type;
                    break;
                case IPropertyReferenceOperation pr: symbol = pr.Property; type = pr.Property.Type; break;
                case IInvocationOperation i: symbol = i.TargetMethod; type = i.TargetMethod.ReturnType; break;
                default: return null;
            }

            if (byAttribute && InsuranceContext.IsMarkedProtected(symbol, type))
            {
                return symbol.Name;
            }

            if (Matches(symbol.Name, patterns, exclude))
            {
                // The name first: most reads match nothing, and the decision test looks at the return type's members.
                return IsEventFact(symbol.Name, patterns) || IsConfigurationMember(symbol) || IsAboutAnAnimal(symbol, patterns) ||
                    (op.Kind == OperationKind.Invocation && Outcomes.ReturnsDecision((IMethodSymbol)symbol, insurance))
                    ? null
                    : symbol.Name;
            }

            type = type == null ? null : InsuranceContext.UnwrapNullable(type);
            return type != null && type.TypeKind == TypeKind.Enum && Matches(type.Name, patterns, exclude) ? symbol.Name : null;
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsCollection(ITypeSymbol type) =>
            type.TypeKind == TypeKind.Array ||
            (type.SpecialType != SpecialType.System_String && type.AllInterfaces.Any(i => i.Name == "IEnumerable" && i.ContainingNamespace?.Name == "Collections"));

        /// <summary>
        /// A member of an options, settings or configuration class (<c>_options.DeclinePregnancy</c>): a switch of the
        /// product's configuration, not something known about the person.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsConfigurationMember(ISymbol symbol)
        {
            if (!(symbol is IPropertySymbol || symbol is IFieldSymbol) || symbol.ContainingType == null)
            {
                return false;
            }

            return NameWords.HeadIs(NameWords.Split(symbol.ContainingType.Name), ConfigurationHeads);
        }

        private static readonly string[] ConfigurationHeads = { "options", "settings", "config", "configuration" };

        /// <summary>
        /// A member of an animal (<c>Pet.Sex</c>, <c>PetProfile.Sex</c>, <c>Horse.Age</c>) or named for one's trait (<c>petSex</c>):
        /// pet, equine and livestock cover rates the insured animal, and the laws behind protected characteristics protect
        /// people. Not a request or policy about one (<c>PetQuoteRequest.Postcode</c> is the owner's), nor <c>PetOwnerGender</c>.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsAboutAnAnimal(ISymbol symbol, WordPatterns patterns)
        {
            var words = NameWords.Split(symbol.Name);
            var match = patterns.LastMatch(words);
            if (match > 0 && AnimalWords.Contains(words[match - 1]))
            {
                return true;
            }

            if (!(symbol is IPropertySymbol || symbol is IFieldSymbol) || symbol.ContainingType == null)
            {
                return false;
            }

            var type = NameWords.Split(symbol.ContainingType.Name);
            int head = type.Count - 1;
            if (head > 0 && AnimalRecordHeads.Contains(type[head]))
            {
                head--;
            }

            return head >= 0 && AnimalWords.Contains(type[head]);
        }

        private static readonly HashSet<string> AnimalRecordHeads = new HashSet<string>(StringComparer.Ordinal) { "profile", "details", "detail", "info", "record", "data" };

        private static readonly HashSet<string> AnimalWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "pet", "pets", "animal", "animals", "dog", "dogs", "cat", "cats", "canine", "feline", "horse", "horses", "equine",
            "livestock", "cattle", "bloodstock", "breed",
        };

        /// <summary>
        /// The constant column name of a string-keyed read: an indexer with one constant string argument (<c>row["Gender"]</c>,
        /// <c>reader["Sex"]</c>, <c>table["Religion"]</c>) or <c>row.Field&lt;T&gt;("Gender")</c> (System.Data.DataRowExtensions).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static string? ColumnName(IOperation op)
        {
            switch (op)
            {
                case IPropertyReferenceOperation indexer when indexer.Property.IsIndexer && indexer.Arguments.Length == 1:
                    return indexer.Arguments[0].Value.WalkDownConversions().ConstantValue is { HasValue: true, Value: string key } ? key : null;
                case IInvocationOperation call when call.TargetMethod.Name == "Field" && call.TargetMethod.ContainingType?.Name == "DataRowExtensions":
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Parameter?.Type.SpecialType == SpecialType.System_String &&
                            argument.Value.WalkDownConversions().ConstantValue is { HasValue: true, Value: string column })
                        {
                            return column;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsRead(OperationKind kind) =>
            kind == OperationKind.ParameterReference || kind == OperationKind.FieldReference || kind == OperationKind.PropertyReference || kind == OperationKind.Invocation;

        [MethodImpl(HotPath.Optimize)]
        private static bool Matches(string name, WordPatterns patterns, Func<string, bool>? exclude) =>
            patterns.Matches(name) && (exclude == null || !exclude(name));

        /// <summary>
        /// Head nouns of a fact about the insured event or its money rather than the person: a name whose matching words are
        /// followed by one of these ends in it (<c>DisabilityOnsetDate</c>, <c>DisabilityBenefit</c>), or begins with it
        /// before "of" (<c>WeeksOfDisability</c>). Heads that carry the
        /// characteristic itself or a value derived from it (<c>GenderCode</c>, <c>SexFactor</c>, <c>RaceCategory</c>) stay sources.
        /// </summary>
        private static readonly HashSet<string> EventFactHeads = new HashSet<string>(StringComparer.Ordinal)
        {
            "date", "dates", "onset", "start", "end", "period", "days", "weeks", "months", "years", "duration",
            "benefit", "benefits", "claim", "claims", "earnings", "income", "salary", "wage", "wages", "pay", "payment",
            "payments", "payout", "amount", "sum", "waiver", "cover", "coverage", "rider", "leave", "allowance",
        };

        [MethodImpl(HotPath.Optimize)]
        private static bool IsEventFact(string name, WordPatterns patterns)
        {
            var words = NameWords.Split(name);
            var last = patterns.LastMatch(words);
            if (last < 0)
            {
                return false;
            }

            if (last < words.Count - 1 && EventFactHeads.Contains(words[words.Count - 1]))
            {
                return true;
            }

            // Business income and rental income are commercial and landlord covers (a firm's or a property's revenue as
            // the sum insured), not what a person earns.
            if (words[last] == "income" && last > 0 && (words[last - 1] == "business" || words[last - 1] == "rental"))
            {
                return true;
            }

            // WeeksOfDisability, DateOfOnset: the head comes before "of", and nothing before it matches.
            for (int of = 1; of < last; of++)
            {
                if (words[of] == "of")
                {
                    return EventFactHeads.Contains(words[of - 1]) && patterns.LastMatch(words.Take(of).ToList()) < 0;
                }
            }

            return false;
        }

        /// <summary>
        /// A read that only asks whether the value is present (<c>x == null</c>, <c>x is null</c>, <c>x.HasValue</c>,
        /// <c>string.IsNullOrEmpty(x)</c>) validates input; it does not rate on the value.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsPresenceCheck(IOperation source)
        {
            var parent = source.WalkUpConversions();
            switch (parent)
            {
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Equals || binary.OperatorKind == BinaryOperatorKind.NotEquals:
                    var other = binary.OtherOperand(source);
                    return other.WalkDownConversions().ConstantValue is { HasValue: true, Value: null };
                case IIsPatternOperation pattern:
                    return IsNullTest(pattern.Pattern);
                case IPropertySubpatternOperation subpattern when subpattern.Member == source:
                    // { Religion: null }, { Religion: not null }, { Religion: { } }
                    return IsNullTest(subpattern.Pattern);
                case IPropertyReferenceOperation property when property.Property.Name == "HasValue":
                    return true;
                case IArgumentOperation argument when argument.Parent is IInvocationOperation invocation:
                    return invocation.TargetMethod.Name == "IsNullOrEmpty" || invocation.TargetMethod.Name == "IsNullOrWhiteSpace";
                default:
                    return false;
            }
        }

        /// <summary><c>null</c>, <c>not null</c> or an empty <c>{ }</c> of the input's own type: a pattern that only tests presence.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsNullTest(IPatternOperation pattern)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    return constant.Value.WalkDownConversions().ConstantValue is { HasValue: true, Value: null };
                case INegatedPatternOperation negated:
                    return IsNullTest(negated.Pattern);
                case IRecursivePatternOperation recursive:
                    return recursive.PropertySubpatterns.IsEmpty && recursive.DeconstructionSubpatterns.IsEmpty && recursive.DeclaredSymbol == null &&
                        SymbolEqualityComparer.Default.Equals(InsuranceContext.UnwrapNullable(recursive.InputType), InsuranceContext.UnwrapNullable(recursive.MatchedType));
                default:
                    return false;
            }
        }
    }
}
