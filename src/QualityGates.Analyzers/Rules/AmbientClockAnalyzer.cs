using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>
    /// QG3001: DateTime.Now/UtcNow/Today, DateTimeOffset.Now/UtcNow, TimeProvider.System.Get*Now() and Environment.TickCount
    /// read inside pricing or underwriting, unless the value only goes to an audit member or a log call.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AmbientClockAnalyzer : InsuranceAnalyzer
    {
        /// <summary>Diagnostic property: the expression a code fix puts in place of the clock read (absent when there is no TimeProvider to use).</summary>
        public const string ReplacementProperty = "Replacement";

        // Registered per method: one array for all of them.
        private static readonly ImmutableArray<OperationKind> ClockReadKinds = ImmutableArray.Create(OperationKind.PropertyReference, OperationKind.Invocation);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.AmbientClock);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance)
        {
            context.RegisterScopedOperationAction(
                insurance,
                Scope.Any,
                [MethodImpl(HotPath.Optimize)] (op, _) =>
                {
                    var kind = DateTimeFacts.GetClockRead(op.Operation, insurance.Types, out var display);
                    if (kind == ClockKind.None)
                    {
                        return;
                    }

                    var settings = insurance.GetSettings(op.Operation.Syntax.SyntaxTree, DiagnosticIds.AmbientClock);
                    var owner = op.ContainingSymbol;
                    if (FlowsOnlyIntoAuditOrLog(op.Operation, settings.ClockAllowedMembers) || IsAuditRecorder(owner, settings.ClockAllowedMembers) ||
                        ImplementsClockAbstraction(owner.ContainingType))
                    {
                        return;
                    }

                    string ownerName = owner.ContainingType == null ? owner.Name : owner.ContainingType.Name + "." + DisplayName(owner);
                    var properties = ImmutableDictionary<string, string?>.Empty;
                    var replacement = Replacement(op.Operation, display, owner, insurance.Types);
                    if (replacement != null)
                    {
                        properties = properties.Add(ReplacementProperty, replacement);
                    }

                    op.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AmbientClock, op.Operation.Syntax.GetLocation(), properties, display, ownerName));
                },
                ClockReadKinds);
        }

        /// <summary>
        /// <c>sealed class SystemClock : IClock { public DateTimeOffset UtcNow => DateTimeOffset.UtcNow; }</c>: the implementation
        /// of an injected clock (an interface or base class named for a clock or a time provider) is where the clock is meant to
        /// be read. A static wrapper implements nothing and stays reported: its callers cannot be given another time.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool ImplementsClockAbstraction(INamedTypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            foreach (var abstraction in type.AllInterfaces)
            {
                if (IsClockName(abstraction.Name))
                {
                    return true;
                }
            }

            for (var baseType = type.BaseType; baseType != null; baseType = baseType.BaseType)
            {
                if (baseType.IsAbstract && IsClockName(baseType.Name))
                {
                    return true;
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsClockName(string name)
        {
            var words = NameWords.Split(name);
            return words.Contains("clock") ||
                (words.Count > 1 && (words.Contains("time") || words.Contains("date")) && NameWords.HeadIs(words, ClockAbstractionHeads)) ||
                name.EndsWith("SystemTime", System.StringComparison.Ordinal);
        }

        private static readonly string[] ClockAbstractionHeads = { "provider", "source" };

        /// <summary>The tuple element at the index is named as an audit member (the literal's own name, or the type it converts to).</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsAllowedElement(ITypeSymbol? type, int index, Regex allowed) =>
            index >= 0 && type is INamedTypeSymbol { IsTupleType: true } tupleType && index < tupleType.TupleElements.Length && allowed.IsMatch(tupleType.TupleElements[index].Name);

        /// <summary>
        /// <c>AuditTrail.Record(user, message) => _entries.Add((DateTime.Now, user, message))</c>: a void method of a type whose
        /// name matches the audit-member pattern records what happened; the time it stamps feeds no result.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsAuditRecorder(ISymbol owner, Regex allowed) =>
            owner is IMethodSymbol { ReturnsVoid: true, MethodKind: MethodKind.Ordinary } method && method.ContainingType != null && allowed.IsMatch(method.ContainingType.Name);

        [MethodImpl(HotPath.Optimize)]
        private static string DisplayName(ISymbol owner) =>
            owner is IMethodSymbol m && m.AssociatedSymbol != null ? m.AssociatedSymbol.Name : (owner is IMethodSymbol ctor && ctor.MethodKind == MethodKind.Constructor ? ctor.ContainingType.Name : owner.Name);

        /// <summary>
        /// Follows the value up through conversions, formatting, member access and interpolation to where it lands: an audit
        /// member (createdAt, Timestamp...) or a logging call is fine; anything else feeds the calculation.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool FlowsOnlyIntoAuditOrLog(IOperation read, Regex allowed, int depth = 0)
        {
            var current = read;
            while (current.Parent != null)
            {
                var parent = current.Parent;
                switch (parent)
                {
                    case IConversionOperation _:
                    case IParenthesizedOperation _:
                    case IInterpolationOperation _:
                    case IInterpolatedStringOperation _:
                    case IArrayInitializerOperation _:
                    case IArrayCreationOperation _:
                    case IPropertyReferenceOperation p when p.Instance == current:
                    case IInvocationOperation i when i.Instance == current && i.TargetMethod.Name == "ToString":
                    case IBinaryOperation b when b.OperatorKind == BinaryOperatorKind.Add && b.Type?.SpecialType == SpecialType.System_String:
                    // Environment.TickCount64 - started: an elapsed time is still the clock; where it lands decides.
                    case IBinaryOperation elapsed when elapsed.OperatorKind == BinaryOperatorKind.Subtract:
                    // string.Create(CultureInfo.InvariantCulture, $"...{DateTime.UtcNow:O}"): the handler's parts are text.
                    case IInterpolatedStringAppendOperation _:
                    case IInterpolatedStringHandlerCreationOperation _:
                        current = parent;
                        continue;
                    case IArgumentOperation appended when appended.Parent is IInvocationOperation append && append.Parent is IInterpolatedStringAppendOperation:
                        current = append.Parent;
                        continue;
                    case IArgumentOperation composed when composed.Parent is IInvocationOperation text && IsTextComposition(text.TargetMethod):
                        // "Quoted at " + DateTime.Now, string.Format("{0}", DateTime.Now): the text goes where the call goes.
                        current = text;
                        continue;
                    case ISimpleAssignmentOperation a when a.Value == current:
                        var target = a.Target.GetReferencedSymbol();
                        return target != null && (allowed.IsMatch(target.Name) || (target is ILocalSymbol assigned && LocalFlowsOnlyIntoAuditOrLog(assigned, parent, allowed, depth)));
                    case ICompoundAssignmentOperation appendText when appendText.Value == current && appendText.Type?.SpecialType == SpecialType.System_String:
                        return appendText.Target is ILocalReferenceOperation textLocal && LocalFlowsOnlyIntoAuditOrLog(textLocal.Local, parent, allowed, depth);
                    case IVariableInitializerOperation init when init.Parent is IVariableDeclaratorOperation declarator:
                        return allowed.IsMatch(declarator.Symbol.Name) || LocalFlowsOnlyIntoAuditOrLog(declarator.Symbol, parent, allowed, depth);
                    // (Timestamp: DateTime.UtcNow, user): the element's name says where it lands; an unnamed one goes where the tuple goes.
                    case ITupleOperation tuple:
                        int index = tuple.Elements.IndexOf(current);
                        if (IsAllowedElement(tuple.Type, index, allowed) || (tuple.Parent is IConversionOperation converted && IsAllowedElement(converted.Type, index, allowed)))
                        {
                            return true;
                        }

                        current = parent;
                        continue;
                    case IFieldInitializerOperation fi:
                        return fi.InitializedFields.All(f => allowed.IsMatch(f.Name));
                    case IPropertyInitializerOperation pi:
                        return pi.InitializedProperties.All(p => allowed.IsMatch(p.Name));
                    case IArgumentOperation arg:
                        return (arg.Parameter != null && allowed.IsMatch(arg.Parameter.Name)) ||
                            (arg.Parent is IInvocationOperation call && (IsLoggingCall(call.TargetMethod) || IsLoggingDelegate(call)));
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>var started = DateTime.UtcNow; ... logger.Info($"took {DateTime.UtcNow - started}")</c>: a local that every
        /// read sends only to audit members or logging (followed two locals deep).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool LocalFlowsOnlyIntoAuditOrLog(ILocalSymbol local, IOperation inside, Regex allowed, int depth)
        {
            if (depth >= 2)
            {
                return false;
            }

            foreach (var reference in inside.Root().ReferencesTo(local))
            {
                // line += " | " + details: the text stays in the local; where the local goes still decides.
                if (reference.Parent is IAssignmentOperation write && ReferenceEquals(write.Target, reference) &&
                    (write is ISimpleAssignmentOperation || write.Type?.SpecialType == SpecialType.System_String))
                {
                    continue;
                }

                if (!FlowsOnlyIntoAuditOrLog(reference, allowed, depth + 1))
                {
                    return false;
                }
            }

            // A local nothing reads (DateTime currentDate = DateTime.Now; left over) feeds nothing either.
            return true;
        }

        /// <summary><c>_log($"...")</c> through an injected <c>Action&lt;string&gt; _log</c>, <c>logger</c>, <c>trace</c>: a logging seam.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsLoggingDelegate(IInvocationOperation call) =>
            call.TargetMethod.Name == "Invoke" && call.TargetMethod.ContainingType?.TypeKind == TypeKind.Delegate &&
            call.Instance?.GetReferencedSymbol() is { } seam && NameWords.Split(seam.Name).Any(w => w == "log" || w == "logger" || w == "trace" || w == "audit");

        /// <summary>string.Format, string.Concat, string.Create and FormattableString.Invariant: they only turn their arguments into text.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsTextComposition(IMethodSymbol method) =>
            method.IsStatic && ((method.ContainingType.SpecialType == SpecialType.System_String && (method.Name == "Format" || method.Name == "Concat" || method.Name == "Create")) ||
                (method.ContainingType.Name == "FormattableString" && (method.Name == "Invariant" || method.Name == "CurrentCulture")));

        /// <summary>ILogger/LoggerExtensions, Serilog's Log, Console, Debug, Trace, or any method named Log*.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsLoggingCall(IMethodSymbol method)
        {
            var typeWords = NameWords.Split(method.ContainingType.Name);
            var methodWords = NameWords.Split(method.Name);
            return typeWords.Any(w => w == "log" || w == "logger" || w == "logging") ||
                   (methodWords.Count > 0 && methodWords[0] == "log") ||
                   method.ContainingType.Name == "Console" || method.ContainingType.Name == "Debug" || method.ContainingType.Name == "Trace";
        }

        /// <summary>
        /// The same reading through a TimeProvider the type already has (a field, a property or a parameter of the method),
        /// or null when there is none: then the fix would be a signature change, which is the developer's call.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static string? Replacement(IOperation read, string display, ISymbol owner, WellKnownTypes types)
        {
            string? provider = FindTimeProvider(read, owner, types);
            if (provider == null)
            {
                return null;
            }

            switch (display)
            {
                case "DateTime.UtcNow": return provider + ".GetUtcNow().UtcDateTime";
                case "DateTime.Now": return provider + ".GetLocalNow().DateTime";
                case "DateTime.Today": return provider + ".GetLocalNow().Date";
                case "DateTimeOffset.UtcNow": return provider + ".GetUtcNow()";
                case "DateTimeOffset.Now": return provider + ".GetLocalNow()";
                case "TimeProvider.System.GetUtcNow()": return provider + ".GetUtcNow()";
                case "TimeProvider.System.GetLocalNow()": return provider + ".GetLocalNow()";
                case "TimeProvider.System.GetTimestamp()": return provider + ".GetTimestamp()";
                default: return null; // Environment.TickCount has no TimeProvider twin with the same meaning.
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static string? FindTimeProvider(IOperation read, ISymbol owner, WellKnownTypes types)
        {
            if (types.TimeProvider == null || !(owner is IMethodSymbol method))
            {
                return null;
            }

            var parameter = method.Parameters.FirstOrDefault(p => IsTimeProvider(p.Type, types.TimeProvider));
            if (parameter != null)
            {
                return parameter.Name;
            }

            var model = read.SemanticModel;
            for (var type = method.ContainingType; type != null; type = type.BaseType)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member.IsImplicitlyDeclared || (!member.IsStatic && method.IsStatic))
                    {
                        continue;
                    }

                    bool usable = member switch
                    {
                        IFieldSymbol f => IsTimeProvider(f.Type, types.TimeProvider),
                        IPropertySymbol p => p.GetMethod != null && !p.IsIndexer && IsTimeProvider(p.Type, types.TimeProvider),
                        _ => false,
                    };

                    if (usable && (model == null || model.IsAccessible(read.Syntax.SpanStart, member)))
                    {
                        if (member.Name.StartsWith("_", System.StringComparison.Ordinal))
                        {
                            return member.Name;
                        }

                        return member.IsStatic ? member.ContainingType.Name + "." + member.Name : "this." + member.Name;
                    }
                }
            }

            return null;
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsTimeProvider(ITypeSymbol type, INamedTypeSymbol timeProvider)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t, timeProvider))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
