using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace QualityGates.Analyzers
{
    /// <summary>Every descriptor of the product, in one place so docs, release tracking and tests can check them all.</summary>
    public static class DiagnosticDescriptors
    {
        public const string HelpLinkBase = "https://github.com/qualitygates/qualitygates/blob/main/docs/rules/";

        public static string GetHelpLink(string id) => HelpLinkBase + id + ".md";

        public static readonly DiagnosticDescriptor InvalidConfiguration = Create(
            DiagnosticIds.InvalidConfiguration, DiagnosticCategories.Configuration, DiagnosticSeverity.Warning, true,
            "Invalid QualityGates analyzer configuration",
            "Configuration key '{0}' has an invalid value '{1}': {2}",
            "A qualitygates_ option in .editorconfig or .globalconfig could not be read; the rule falls back to its default until the value is fixed.",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor MonetaryValueUsesFloatingPoint = Create(
            DiagnosticIds.MonetaryValueUsesFloatingPoint, DiagnosticCategories.Pricing, DiagnosticSeverity.Warning, true,
            "Monetary value uses binary floating point",
            "'{0}' is a monetary value stored as '{1}'; use decimal",
            "float and double cannot represent most decimal fractions (0.1), so premiums drift and equality fails. Money is decimal.");

        public static readonly DiagnosticDescriptor RoundingWithoutMidpointMode = Create(
            DiagnosticIds.RoundingWithoutMidpointMode, DiagnosticCategories.Pricing, DiagnosticSeverity.Warning, true,
            "Rounding without an explicit or policy midpoint mode",
            "{0} uses {1}; {2}",
            "Math.Round and decimal.Round default to banker's rounding (ToEven); rating manuals usually require half-up. State the midpoint mode the tariff requires.");

        public static readonly DiagnosticDescriptor ImplicitRoundingByTruncation = Create(
            DiagnosticIds.ImplicitRoundingByTruncation, DiagnosticCategories.Pricing, DiagnosticSeverity.Warning, true,
            "Implicit rounding by truncation",
            "{0} truncates the monetary value '{1}' toward {2}; round with the tariff's midpoint mode or make the truncation explicit",
            "A cast from decimal or double to an integral type, and Floor/Ceiling/Truncate, silently drop the fraction of a premium.");

        public static readonly DiagnosticDescriptor IntermediateRounding = Create(
            DiagnosticIds.IntermediateRounding, DiagnosticCategories.Pricing, DiagnosticSeverity.Info, false,
            "Intermediate rounding inside a calculation chain",
            "The rounded value '{0}' feeds further arithmetic of '{1}'; round once at the end unless the manual mandates this step",
            "Rounding before multiplying or accumulating compounds the rounding error across factors.");

        public static readonly DiagnosticDescriptor IntegerDivisionInMonetaryArithmetic = Create(
            DiagnosticIds.IntegerDivisionInMonetaryArithmetic, DiagnosticCategories.Pricing, DiagnosticSeverity.Warning, true,
            "Integer division in monetary or rate arithmetic",
            "'{0}' is an integer division whose result is used as a monetary or rate value; the fraction is lost",
            "Dividing two integers discards the remainder before the result reaches money: premium * (days / 365) is 0 for a part year.");

        public static readonly DiagnosticDescriptor HardCodedRateOrThreshold = Create(
            DiagnosticIds.HardCodedRateOrThreshold, DiagnosticCategories.Pricing, DiagnosticSeverity.Info, true,
            "Hard-coded rate, factor or threshold in pricing or underwriting logic",
            "The literal {0} is a hard-coded {1}; move it to a named constant or a versioned rate table",
            "Rates, factors and underwriting thresholds come from filed, versioned rating manuals, not literals scattered in code.");

        public static readonly DiagnosticDescriptor CultureSensitiveMonetaryConversion = Create(
            DiagnosticIds.CultureSensitiveMonetaryConversion, DiagnosticCategories.Pricing, DiagnosticSeverity.Warning, true,
            "Culture-sensitive conversion of a monetary value",
            "{0} converts a monetary value with the current culture; pass CultureInfo.InvariantCulture",
            "1,234.50 parses as 1.23450 or fails under a German culture; a premium must not depend on the server's locale.");

        public static readonly DiagnosticDescriptor DivisorMayBeZero = Create(
            DiagnosticIds.DivisorMayBeZero, DiagnosticCategories.Pricing, DiagnosticSeverity.Warning, true,
            "Divisor may be zero",
            "The divisor '{0}' is not checked for zero before this division{1}",
            "A zero exposure, term or count yields Infinity or NaN with double (silently) and an exception with decimal.");

        public static readonly DiagnosticDescriptor PremiumMayBecomeNegative = Create(
            DiagnosticIds.PremiumMayBecomeNegative, DiagnosticCategories.Pricing, DiagnosticSeverity.Info, false,
            "Premium can become negative or unbounded",
            "'{0}' subtracts a discount or credit with no lower bound; clamp it to the minimum premium",
            "Rating manuals set a minimum premium; stacked discounts and credits must never drive a premium below it.");

        public static readonly DiagnosticDescriptor CurrencyUnawareArithmetic = Create(
            DiagnosticIds.CurrencyUnawareArithmetic, DiagnosticCategories.Pricing, DiagnosticSeverity.Info, false,
            "Currency-unaware monetary arithmetic",
            "'{0}' combines amounts of two '{1}' values without checking that their currencies match",
            "Adding a EUR amount to a USD amount gives a number that means nothing.");

        public static readonly DiagnosticDescriptor FailOpenExceptionHandler = Create(
            DiagnosticIds.FailOpenExceptionHandler, DiagnosticCategories.Underwriting, DiagnosticSeverity.Warning, true,
            "Fail-open exception handler in decision logic",
            "This handler in '{0}' turns an error into the favourable outcome '{1}'; refer or rethrow instead",
            "When a rule cannot be evaluated the safe outcome is Refer, never Approve (OWASP fail securely, CWE-636).");

        public static readonly DiagnosticDescriptor ExceptionSwallowedInRuleEvaluation = Create(
            DiagnosticIds.ExceptionSwallowedInRuleEvaluation, DiagnosticCategories.Underwriting, DiagnosticSeverity.Warning, true,
            "Exception swallowed during rule evaluation",
            "This handler in '{0}' swallows the exception of a rule evaluation without recording a failure or rethrowing",
            "A rule that throws and is skipped silently counts as passed; record the error as a referral.");

        public static readonly DiagnosticDescriptor FavourableOutcomeAsFallback = Create(
            DiagnosticIds.FavourableOutcomeAsFallback, DiagnosticCategories.Underwriting, DiagnosticSeverity.Warning, true,
            "Favourable outcome used as default or fallback",
            "The fallback of this {0} is the favourable outcome '{1}'; an unknown or missing value must not approve",
            "A default branch, ?? fallback or missing-key default that approves turns every unexpected input into an acceptance.");

        public static readonly DiagnosticDescriptor IgnoredTryPatternResult = Create(
            DiagnosticIds.IgnoredTryPatternResult, DiagnosticCategories.Underwriting, DiagnosticSeverity.Warning, true,
            "Ignored Try-pattern result feeds pricing or decision",
            "The result of {0} is ignored but '{1}' is used afterwards; a failed parse or lookup silently yields default",
            "When the Try method fails, the out value is default (0, null, the first enum member) and flows into price or decision.");

        public static readonly DiagnosticDescriptor DecisionEnumDefaultIsFavourable = Create(
            DiagnosticIds.DecisionEnumDefaultIsFavourable, DiagnosticCategories.Underwriting, DiagnosticSeverity.Warning, true,
            "Decision enum's default value is favourable",
            "'{0}.{1}' has the value 0, so default({0}) and uninitialized values mean a favourable outcome",
            "default(T), an uninitialized field and a failed deserialization all produce the zero member; it must not mean approve.");

        public static readonly DiagnosticDescriptor NonExhaustiveDecisionSwitch = Create(
            DiagnosticIds.NonExhaustiveDecisionSwitch, DiagnosticCategories.Underwriting, DiagnosticSeverity.Warning, true,
            "Non-exhaustive switch over risk class or decision",
            "The switch over '{0}' {1}",
            "A switch that misses members, or whose default does not throw, silently handles future risk classes and decisions.");

        public static readonly DiagnosticDescriptor ProtectedCharacteristicInfluencesOutcome = Create(
            DiagnosticIds.ProtectedCharacteristicInfluencesOutcome, DiagnosticCategories.Underwriting, DiagnosticSeverity.Warning, true,
            "Protected characteristic influences price or decision",
            "The protected characteristic '{0}' influences {1}",
            "Sex may not be a rating factor in the EU (Test-Achats); race, color, religion and national origin are barred in the US, and Colorado SB21-169 extends the list.");

        public static readonly DiagnosticDescriptor AdverseDecisionSolelyOnCredit = Create(
            DiagnosticIds.AdverseDecisionSolelyOnCredit, DiagnosticCategories.Underwriting, DiagnosticSeverity.Warning, true,
            "Adverse decision based solely on credit information",
            "The adverse outcome '{0}' depends only on the credit attribute '{1}'",
            "NCOIL credit model acts bar declining, cancelling or non-renewing solely on the basis of credit information.");

        public static readonly DiagnosticDescriptor NonDeterministicRandomness = Create(
            DiagnosticIds.NonDeterministicRandomness, DiagnosticCategories.Underwriting, DiagnosticSeverity.Warning, true,
            "Non-deterministic randomness in pricing or decision",
            "'{0}' makes {1} non-deterministic; the same risk must get the same price and decision",
            "Randomness in rating makes premiums unreproducible and decisions arbitrary (NAIC AI bulletin).");

        public static readonly DiagnosticDescriptor AdverseDecisionWithoutReason = Create(
            DiagnosticIds.AdverseDecisionWithoutReason, DiagnosticCategories.Underwriting, DiagnosticSeverity.Info, true,
            "Adverse decision without a reason code",
            "{0}",
            "An adverse underwriting action must be explainable: return the decision together with a reason code.");

        public static readonly DiagnosticDescriptor CultureSensitiveRatingCode = Create(
            DiagnosticIds.CultureSensitiveRatingCode, DiagnosticCategories.Underwriting, DiagnosticSeverity.Warning, true,
            "Culture-sensitive handling of rating codes",
            "{0} on the rating code '{1}' depends on the current culture; use an ordinal comparison or the invariant culture",
            "Under a Turkish culture \"class\".ToUpper() is \"CLASS\" with a dotted I, so a code lookup fails and the risk is mis-rated.");

        public static readonly DiagnosticDescriptor ProxyForProtectedCharacteristic = Create(
            DiagnosticIds.ProxyForProtectedCharacteristic, DiagnosticCategories.Underwriting, DiagnosticSeverity.Info, false,
            "Potential proxy for a protected characteristic",
            "'{0}' may act as a proxy for a protected characteristic and influences {1}",
            "ZIP code, first name or language can stand in for race or national origin; some lines and jurisdictions bar them.");

        public static readonly DiagnosticDescriptor AmbientClock = Create(
            DiagnosticIds.AmbientClock, DiagnosticCategories.DateTime, DiagnosticSeverity.Warning, true,
            "Ambient clock in pricing or underwriting",
            "'{0}' reads the system clock in '{1}'; take an as-of date or an injected TimeProvider",
            "Reading the clock inside rating prices the same quote differently at midnight and makes it untestable.");

        public static readonly DiagnosticDescriptor UnsafeAgeCalculation = Create(
            DiagnosticIds.UnsafeAgeCalculation, DiagnosticCategories.DateTime, DiagnosticSeverity.Warning, true,
            "Unsafe age calculation",
            "{0}",
            "asOf.Year - dob.Year is a year too high before the birthday, days / 365 drifts, and 29 February throws in non-leap years.");

        public static readonly DiagnosticDescriptor FixedLengthYear = Create(
            DiagnosticIds.FixedLengthYear, DiagnosticCategories.DateTime, DiagnosticSeverity.Warning, true,
            "Fixed-length year in policy-term or proration arithmetic",
            "{0} assumes a {1}-day year; use the actual term length or the filed day-count basis",
            "A one-year term that spans 29 February has 366 days; a fixed 365 misprices pro-rata endorsements and refunds.");

        public static readonly DiagnosticDescriptor MixedDateTimeKinds = Create(
            DiagnosticIds.MixedDateTimeKinds, DiagnosticCategories.DateTime, DiagnosticSeverity.Warning, true,
            "Mixed or unspecified DateTime kinds in policy-date logic",
            "{0}",
            "Comparing local and UTC DateTime values shifts policy dates by the UTC offset around midnight.");

        public static readonly DiagnosticDescriptor CultureSensitivePolicyDate = Create(
            DiagnosticIds.CultureSensitivePolicyDate, DiagnosticCategories.DateTime, DiagnosticSeverity.Warning, true,
            "Culture-sensitive parsing or formatting of policy dates",
            "{0} of the policy date uses the current culture; use an exact format with CultureInfo.InvariantCulture",
            "01/02/2026 is 1 February or 2 January depending on the server's culture.");

        public static readonly DiagnosticDescriptor EmbeddedRateTable = Create(
            DiagnosticIds.EmbeddedRateTable, DiagnosticCategories.Configuration, DiagnosticSeverity.Info, false,
            "Embedded rate table",
            "This {0} embeds a rate table of {1} factors in code; load it from a versioned, filed rate table",
            "Rate tables are filed with regulators and versioned with effective dates; code is the wrong place for them.");

        public static readonly DiagnosticDescriptor SilentFallbackForMissingRate = Create(
            DiagnosticIds.SilentFallbackForMissingRate, DiagnosticCategories.Configuration, DiagnosticSeverity.Warning, true,
            "Silent fallback for a missing rate or factor",
            "A missing {0} silently becomes {1}; throw or refer instead",
            "A missing rate that quietly becomes 100 or 1.0 prices the risk on a number nobody filed.");

        public static readonly DiagnosticDescriptor MutableStaticPricingState = Create(
            DiagnosticIds.MutableStaticPricingState, DiagnosticCategories.Configuration, DiagnosticSeverity.Warning, true,
            "Mutable static pricing state",
            "'{0}' is mutable static pricing state; make it readonly or inject it as configuration",
            "A static rate that any code can change makes premiums depend on what ran before, and races between requests.");

        public static readonly DiagnosticDescriptor SuppressionWithoutJustification = Create(
            DiagnosticIds.SuppressionWithoutJustification, DiagnosticCategories.Configuration, DiagnosticSeverity.Info, false,
            "QualityGates suppression without justification",
            "The suppression of {0} has no justification",
            "Auditors (NAIC AI bulletin, Colorado 10-1-1) expect every waived pricing or underwriting check to say why.");

        /// <summary>Every descriptor, for the configuration check, the docs invariant test and release tracking.</summary>
        public static ImmutableArray<DiagnosticDescriptor> All { get; } = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null))
            .OrderBy(d => d.Id, System.StringComparer.Ordinal)
            .ToImmutableArray();

        private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, bool enabledByDefault, string title, string message, string description, params string[] tags) =>
            new DiagnosticDescriptor(id, title, message, category, severity, enabledByDefault, description, GetHelpLink(id), tags);
    }
}
