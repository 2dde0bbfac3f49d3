using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>QG2005: a decision enum whose zero value (default(T)) is a favourable outcome.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DecisionEnumDefaultIsFavourableAnalyzer : InsuranceAnalyzer
    {
        /// <summary>Diagnostic property present when inserting <c>Unknown = 0</c> is safe: internal enum, all values implicit.</summary>
        public const string CanInsertUnknownProperty = "CanInsertUnknown";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.DecisionEnumDefaultIsFavourable);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            context.RegisterSymbolAction([MethodImpl(HotPath.Optimize)] (c) => Analyze(c, insurance), SymbolKind.NamedType);

        [MethodImpl(HotPath.Optimize)]
        private static void Analyze(SymbolAnalysisContext context, InsuranceContext insurance)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (type.TypeKind != TypeKind.Enum || UnderwritingSemantics.IsFlagsEnum(type, insurance) || InsuranceContext.HasAttributeUp(type, "NotInRatingScope"))
            {
                return;
            }

            var settings = insurance.GetSettings(type, DiagnosticIds.DecisionEnumDefaultIsFavourable);
            if ((insurance.IsTestProject && !settings.IncludeTestProjects) || !insurance.IsDecisionEnum(type))
            {
                return;
            }

            var zero = type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && IsZero(f.ConstantValue));
            if (zero == null || !settings.IsFavourable(zero.Name) || !(zero.Locations.FirstOrDefault(l => l.IsInSource) is Location location))
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (CanInsertUnknown(type))
            {
                properties = properties.Add(CanInsertUnknownProperty, "true");
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DecisionEnumDefaultIsFavourable, location, properties, type.Name, zero.Name));
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsZero(object? value) => value != null && Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture) == 0m;

        /// <summary>
        /// Renumbering breaks values persisted by ordinal, so the fix is offered only for enums not visible outside the
        /// assembly, with no explicit values and no member named Unknown.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool CanInsertUnknown(INamedTypeSymbol type)
        {
            for (ISymbol s = type; s is INamedTypeSymbol t; s = t.ContainingSymbol)
            {
                if (t.DeclaredAccessibility == Accessibility.Private || t.DeclaredAccessibility == Accessibility.Internal || t.DeclaredAccessibility == Accessibility.ProtectedAndInternal)
                {
                    return IsImplicitlyNumbered(type);
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsImplicitlyNumbered(INamedTypeSymbol type) =>
            type.GetMembers("Unknown").IsEmpty &&
            type.DeclaringSyntaxReferences.Length == 1 &&
            type.DeclaringSyntaxReferences[0].GetSyntax() is EnumDeclarationSyntax declaration &&
            declaration.Members.All(m => m.EqualsValue == null);
    }
}
