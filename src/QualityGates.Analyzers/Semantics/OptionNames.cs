namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// The option names. Each is read as <c>dotnet_code_quality.QGxxxx.&lt;name&gt;</c> for one rule first, then as
    /// <c>qualitygates_&lt;name&gt;</c> for all rules, from .editorconfig or .globalconfig; the <see cref="SharedOnly"/>
    /// ones only as <c>qualitygates_&lt;name&gt;</c>.
    /// </summary>
    public static class OptionNames
    {
        public const string GlobalPrefix = "qualitygates_";
        public const string RulePrefix = "dotnet_code_quality.";

        public const string PricingScope = "pricing_scope";
        public const string UnderwritingScope = "underwriting_scope";
        public const string ScopeNameHeuristic = "scope_name_heuristic";
        public const string ScopeDecisionMethods = "scope_decision_methods";
        public const string IncludeTestProjects = "include_test_projects";
        public const string MoneyTypes = "money_types";
        public const string MoneyNames = "money_names";
        public const string RateNames = "rate_names";
        public const string DecisionEnums = "decision_enums";
        public const string FavourableOutcomes = "favourable_outcomes";
        public const string AdverseOutcomes = "adverse_outcomes";
        public const string FallbackOutcome = "fallback_outcome";
        public const string RoundingMode = "rounding_mode";
        public const string Jurisdiction = "jurisdiction";
        public const string ProtectedAttributes = "protected_attributes";
        public const string ProxyAttributes = "proxy_attributes";
        public const string CreditAttributes = "credit_attributes";
        public const string AllowedLiterals = "allowed_literals";
        public const string AllowedDayCountBasis = "allowed_daycount_basis";
        public const string ClockAllowedMembers = "clock_allowed_members";
        public const string AllowedFallbackValues = "allowed_fallback_values";
        public const string ExhaustiveEnums = "exhaustive_enums";
        public const string TrustedNonZeroMembers = "trusted_nonzero_members";
        public const string AllowedIntermediateRounding = "allowed_intermediate_rounding";

        /// <summary>
        /// The shared building blocks (what is pricing code, what is money, what is a decision) are resolved once per
        /// compilation for every rule, so a per-rule value for them would be ignored: it is reported instead.
        /// </summary>
        public static readonly string[] SharedOnly =
        {
            PricingScope, UnderwritingScope, ScopeNameHeuristic, ScopeDecisionMethods, IncludeTestProjects, MoneyTypes, MoneyNames, RateNames,
            DecisionEnums,
        };

        /// <summary>Every option name, so unknown qualitygates_ keys can be reported.</summary>
        public static readonly string[] All =
        {
            PricingScope, UnderwritingScope, ScopeNameHeuristic, ScopeDecisionMethods, IncludeTestProjects, MoneyTypes, MoneyNames,
            RateNames, DecisionEnums, FavourableOutcomes, AdverseOutcomes, FallbackOutcome, RoundingMode, Jurisdiction,
            ProtectedAttributes, ProxyAttributes, CreditAttributes, AllowedLiterals, AllowedDayCountBasis,
            ClockAllowedMembers, AllowedFallbackValues, ExhaustiveEnums, TrustedNonZeroMembers, AllowedIntermediateRounding,
        };
    }
}
