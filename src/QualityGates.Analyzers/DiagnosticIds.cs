namespace QualityGates.Analyzers
{
    /// <summary>Rule IDs, named after what they flag. QG0xxx meta, QG1xxx pricing, QG2xxx underwriting, QG3xxx date and time, QG4xxx rate configuration.</summary>
    public static class DiagnosticIds
    {
        public const string InvalidConfiguration = "QG0001";

        public const string MonetaryValueUsesFloatingPoint = "QG1001";
        public const string RoundingWithoutMidpointMode = "QG1002";
        public const string ImplicitRoundingByTruncation = "QG1003";
        public const string IntermediateRounding = "QG1004";
        public const string IntegerDivisionInMonetaryArithmetic = "QG1005";
        public const string HardCodedRateOrThreshold = "QG1006";
        public const string CultureSensitiveMonetaryConversion = "QG1007";
        public const string DivisorMayBeZero = "QG1008";
        public const string PremiumMayBecomeNegative = "QG1009";
        public const string CurrencyUnawareArithmetic = "QG1010";

        public const string FailOpenExceptionHandler = "QG2001";
        public const string ExceptionSwallowedInRuleEvaluation = "QG2002";
        public const string FavourableOutcomeAsFallback = "QG2003";
        public const string IgnoredTryPatternResult = "QG2004";
        public const string DecisionEnumDefaultIsFavourable = "QG2005";
        public const string NonExhaustiveDecisionSwitch = "QG2006";
        public const string ProtectedCharacteristicInfluencesOutcome = "QG2007";
        public const string AdverseDecisionSolelyOnCredit = "QG2008";
        public const string NonDeterministicRandomness = "QG2009";
        public const string AdverseDecisionWithoutReason = "QG2010";
        public const string CultureSensitiveRatingCode = "QG2011";
        public const string ProxyForProtectedCharacteristic = "QG2012";

        public const string AmbientClock = "QG3001";
        public const string UnsafeAgeCalculation = "QG3002";
        public const string FixedLengthYear = "QG3003";
        public const string MixedDateTimeKinds = "QG3004";
        public const string CultureSensitivePolicyDate = "QG3005";

        public const string EmbeddedRateTable = "QG4001";
        public const string SilentFallbackForMissingRate = "QG4002";
        public const string MutableStaticPricingState = "QG4003";
        public const string SuppressionWithoutJustification = "QG4004";
    }
}
