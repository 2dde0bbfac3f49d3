using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>
    /// QG4003: non-readonly static fields and static properties with a setter that hold money, rates or rate collections in
    /// pricing scope, and every write to them outside a static constructor.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MutableStaticPricingStateAnalyzer : InsuranceAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.MutableStaticPricingState);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance)
        {
            // The compilation's mutable static pricing members are collected once, by name from the declaration table; most
            // compilations have none, and then no file is read at all. Each file's action reports the members declared in it
            // and walks it for writes, binding only a write to one of their names. Writes are checked wherever they happen (a
            // loader outside pricing scope writing a pricing static is the bug). A symbol action on every field and property
            // and a syntax-node action on every assignment of the compilation cost the driver a call each
            // (docs/performance.md).
            var compilation = context.Compilation;
            // Collected with the first action's own cancellation token, not the start's: a host may reuse these actions
            // for later requests after the start's token is cancelled. Two first actions at once may both collect it.
            MutableStatics? statics = null;
            context.RegisterSemanticModelAction([MethodImpl(HotPath.Optimize)] (model) =>
            {
                var all = Volatile.Read(ref statics);
                if (all == null)
                {
                    var members = compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Member, model.CancellationToken)
                        .Where(m => IsMutableStaticPricingState(m, insurance));
                    all = Interlocked.CompareExchange(ref statics, new MutableStatics(members), null) ?? statics!;
                }

                if (all.Names.IsEmpty)
                {
                    return;
                }

                // A member declared in a generated file is left to that file, whose action the driver never runs.
                foreach (var member in all.DeclaredIn[model.SemanticModel.SyntaxTree])
                {
                    // An immutable table swapped as a whole is a snapshot, not state: only an unsynchronized swap is reported.
                    if (!GeneratedCode.IsMarked(member) && !IsSnapshot(member))
                    {
                        model.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MutableStaticPricingState, member.Locations[0], Display(member)));
                    }
                }

                AnalyzeWrites(model, all.Names, insurance);
            });
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeWrites(SemanticModelAnalysisContext context, ImmutableHashSet<string> names, InsuranceContext insurance)
        {
            var model = context.SemanticModel;
            foreach (var node in model.SyntaxTree.GetRoot(context.CancellationToken).DescendantNodes())
            {
                var target = node switch
                {
                    AssignmentExpressionSyntax a => a.Left,
                    PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PreIncrementExpression) || p.IsKind(SyntaxKind.PreDecrementExpression) => p.Operand,
                    PostfixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PostIncrementExpression) || p.IsKind(SyntaxKind.PostDecrementExpression) => p.Operand,
                    // A ref or out argument is a write too (Interlocked.Exchange(ref _rate, x), Bump(ref _fee)).
                    ArgumentSyntax r when r.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || r.RefKindKeyword.IsKind(SyntaxKind.OutKeyword) => r.Expression,
                    _ => null,
                };

                if (target != null)
                {
                    AnalyzeTarget(context, node, target, names, insurance);
                }
            }
        }

        /// <summary>Reports <paramref name="write"/> when <paramref name="target"/> (or, for a deconstruction, one of its parts) is a mutable static pricing member.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static void AnalyzeTarget(SemanticModelAnalysisContext context, SyntaxNode write, ExpressionSyntax target, ImmutableHashSet<string> names, InsuranceContext insurance)
        {
            while (target is ParenthesizedExpressionSyntax parenthesized)
            {
                target = parenthesized.Expression;
            }

            if (target is TupleExpressionSyntax tuple)
            {
                // (Tariff.Rate, var other) = Load(): each part is written.
                foreach (var argument in tuple.Arguments)
                {
                    AnalyzeTarget(context, write, argument.Expression, names, insurance);
                }

                return;
            }

            var name = target switch
            {
                IdentifierNameSyntax id => id.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                _ => null,
            };

            if (name == null || !names.Contains(name))
            {
                return;
            }

            var model = context.SemanticModel;
            var member = model.GetSymbolInfo(target, context.CancellationToken).Symbol switch
            {
                IFieldSymbol f when f.IsStatic => (ISymbol)f,
                IPropertySymbol p when p.IsStatic => p,
                _ => null,
            };

            if (member == null || !IsMutableStaticPricingState(member, insurance))
            {
                return;
            }

            var how = write is ArgumentSyntax refArgument ? RefArgumentAccess(model, refArgument, context.CancellationToken) : Access.Write;
            if (how == Access.Read || (IsSnapshot(member) && (how == Access.SynchronizedWrite || IsSynchronized(write, member))))
            {
                return;
            }

            var owner = Owner(model.GetEnclosingSymbol(write.SpanStart, context.CancellationToken));
            if (IsInitialization(owner, member) || GeneratedCode.IsMarked(owner))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MutableStaticPricingState, write.GetLocation(), Display(member)));
        }

        /// <summary>
        /// What a <c>ref</c> argument does with its variable: <c>Volatile.Read(ref _rates)</c> and an <c>in</c> or
        /// <c>ref readonly</c> parameter only read it; <c>Volatile.Write</c> and <c>Interlocked.Exchange</c>/<c>CompareExchange</c>
        /// publish a new value atomically; any other <c>ref</c> or <c>out</c> may write it.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static Access RefArgumentAccess(SemanticModel model, ArgumentSyntax argument, CancellationToken cancellationToken)
        {
            if (!(model.GetOperation(argument, cancellationToken) is IArgumentOperation { Parameter: { } parameter } operation))
            {
                return Access.Write;
            }

            // .NET 8 declares Volatile.Read's parameter ref readonly; older frameworks declare it ref.
            if (parameter.RefKind == RefKind.In || parameter.RefKind == RefKind.RefReadOnlyParameter)
            {
                return Access.Read;
            }

            var method = (operation.Parent as IInvocationOperation)?.TargetMethod;
            if (method?.ContainingType is { } type && Namespaces.Is(type.ContainingNamespace, "System.Threading"))
            {
                switch (type.Name, method.Name)
                {
                    case ("Volatile", "Read"):
                    case ("Interlocked", "Read"):
                        return Access.Read;
                    case ("Volatile", "Write"):
                    case ("Interlocked", "Exchange"):
                    case ("Interlocked", "CompareExchange"):
                        return Access.SynchronizedWrite;
                }
            }

            return Access.Write;
        }

        /// <summary>A swap under a lock, or into a volatile field, publishes the new snapshot safely too.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsSynchronized(SyntaxNode write, ISymbol member)
        {
            if (member is IFieldSymbol { IsVolatile: true })
            {
                return true;
            }

            // A lambda or local function inside the lock runs later, outside it.
            for (var node = write.Parent; node != null && !(node is MemberDeclarationSyntax || node is AnonymousFunctionExpressionSyntax || node is LocalFunctionStatementSyntax); node = node.Parent)
            {
                if (node is LockStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A field or property of an immutable or frozen collection type (System.Collections.Immutable, System.Collections.Frozen):
        /// readers see the old table or the new one, never a table being changed (the catalog's "caches with proper
        /// synchronization").
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsSnapshot(ISymbol member)
        {
            var type = member switch
            {
                IFieldSymbol f => f.Type,
                IPropertySymbol p => p.Type,
                _ => null,
            };

            return Namespaces.Is(type?.ContainingNamespace, "System.Collections.Immutable") || Namespaces.Is(type?.ContainingNamespace, "System.Collections.Frozen");
        }

        private enum Access
        {
            Read,
            Write,
            SynchronizedWrite,
        }

        /// <summary>The member whose code holds the write: a lambda or local function counts as the member it is written in.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static ISymbol? Owner(ISymbol? symbol)
        {
            while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } nested)
            {
                symbol = nested.ContainingSymbol;
            }

            return symbol;
        }

        /// <summary>A compilation's mutable static pricing members: their names, and each by the file that declares it.</summary>
        private sealed class MutableStatics
        {
            public MutableStatics(IEnumerable<ISymbol> members)
            {
                var all = members.ToList();
                Names = all.Select(m => m.Name).ToImmutableHashSet(StringComparer.Ordinal);
                DeclaredIn = all.ToLookup(m => m.Locations[0].SourceTree);
            }

            public ImmutableHashSet<string> Names { get; }

            public ILookup<SyntaxTree?, ISymbol> DeclaredIn { get; }
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsMutableStaticPricingState(ISymbol member, InsuranceContext insurance)
        {
            if (!member.IsStatic || member.IsImplicitlyDeclared)
            {
                return false;
            }

            ITypeSymbol type;
            switch (member)
            {
                case IFieldSymbol f when !f.IsReadOnly && !f.IsConst:
                    type = f.Type;
                    break;
                case IPropertySymbol p when p.SetMethod != null:
                    type = p.Type;
                    break;
                default:
                    return false;
            }

            if (!insurance.IsInScope(member, Scope.Pricing))
            {
                return false;
            }

            if (insurance.GetValueKind(member) != ValueKind.None)
            {
                return true;
            }

            // A collection of numbers, or a DataTable/DataSet (public static DataTable DiscRateAnn), named for rates or money.
            return (RateConfigurationFacts.NumericElementType(type) != null || IsDataTable(type)) &&
                   (InsuranceContext.ClassifyName(member.Name, insurance.GetSettings(member, DiagnosticIds.MutableStaticPricingState)) != ValueKind.None ||
                    InitializedAsRateTable(member));
        }

        /// <summary>
        /// A collection initialised with at least three decimal or floating-point literals (<c>OccupationRatings = new
        /// Dictionary&lt;Occupation, decimal&gt; { { Author, 1.25m }, ... }</c>): the rate table QG4001 reports, whatever its
        /// name says. Told by the initializer's syntax, as the declaration may be in another file.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool InitializedAsRateTable(ISymbol member)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var initializer = reference.GetSyntax() switch
                {
                    VariableDeclaratorSyntax variable => variable.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.Initializer?.Value,
                    _ => null,
                };
                if (initializer == null)
                {
                    continue;
                }

                int factors = 0;
                foreach (var node in initializer.DescendantNodes())
                {
                    if (node is LiteralExpressionSyntax { Token: { Value: decimal or double or float } })
                    {
                        if (++factors == 3)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsDataTable(ITypeSymbol type) =>
            (type.Name == "DataTable" || type.Name == "DataSet") && type.ContainingNamespace?.ToDisplayString() == "System.Data";

        /// <summary>The static constructor (or the member's own initializer) is where static state is meant to be set.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsInitialization(ISymbol? owner, ISymbol member) =>
            SymbolEqualityComparer.Default.Equals(owner, member) ||
            (owner is IMethodSymbol m && m.MethodKind == MethodKind.StaticConstructor && SymbolEqualityComparer.Default.Equals(m.ContainingType, member.ContainingType));

        [MethodImpl(HotPath.Optimize)]
        private static string Display(ISymbol member) => member.ContainingType.Name + "." + member.Name;
    }
}
