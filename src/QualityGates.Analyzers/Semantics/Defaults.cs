using System;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>Every default of the analyzers in one place (rules-catalog.md).</summary>
    public static class Defaults
    {
        public static readonly string[] PricingScopeWords = { "premium", "rating", "rater", "pricer", "tariff", "quote", "quoting", "pricing", "price", "money" };
        public static readonly string[] UnderwritingScopeWords = { "underwrit", "eligib", "referral", "appetite" };

        public static readonly string[] MoneyNames =
        {
            "premium", "amount", "price", "fee", "tax", "levy", "levies", "commission", "excess", "deductible", "limit",
            "suminsured", "cost", "charge", "refund", "payout", "reserve", "money",

            // Life and health: the amount covered (sum assured, face value, death benefit), the policy's cash or surrender
            // value, and the fixed share a health policyholder pays (copay).
            "sumassured", "facevalue", "deathbenefit", "surrendervalue", "cashvalue", "copay", "copayment",

            // Minor units, incurred losses, and the exposure bases commercial lines rate on (turnover, wageroll, gross profit).
            "pence", "cents", "incurred", "turnover", "wageroll", "payroll", "grossprofit", "revenue",

            // Health: the medical loss ratio rebate owed to policyholders; what a policyholder or claimant is owed (NetPayable).
            "rebate", "payable",

            // Stamp duty; a takaful participant's or a pension member's contribution (what conventional cover calls premium).
            "duty", "contribution",

            // Billing and claims: what a policyholder owes, what a claim can recover.
            "balance", "recoverable",
        };

        public static readonly string[] RateNames =
        {
            // A ratio or trend of money (ExpenseToPremiumRatio, LossCostTrend) is dimensionless, like a factor; so is a rating
            // modification (ExperienceMod, ScheduleModifier) and a fraction of a term (UnusedFraction, EarnedProportion).
            "rate", "factor", "loading", "discount", "surcharge", "multiplier", "relativity", "relativities", "percent", "pct", "ratio", "trend",
            "mod", "modifier", "fraction", "proportion", "load",
        };

        /// <summary>A trailing word that says the value counts or measures something other than money ("LimitCount", "RefundDays").</summary>
        public static readonly string[] NonMoneyHeadWords =
        {
            "count", "days", "day", "months", "month", "years", "year", "age", "index", "id", "number", "version", "code",
            "name", "type", "kind", "date", "time", "hours", "minutes", "seconds", "digits", "decimals", "places",

            // SumInsuredBand, PremiumBand: the number of a rating band, not an amount.
            "band", "bands",

            // ExcessMiles, SpeedLimitKph, PayoutThresholdMm: a unit of measure ends a measured quantity (telematics,
            // parametric triggers, engine size), not an amount of money.
            "mile", "miles", "km", "kms", "kilometres", "kilometers", "metres", "meters", "feet", "ft", "inches", "mm", "cm",
            "kph", "mph", "knots", "kg", "kgs", "kilograms", "tonnes", "tons", "lbs", "litres", "liters", "cc", "kw", "kwh",
            "hp", "celsius", "fahrenheit", "degrees", "hectares", "acres", "sqft", "sqm",
        };

        /// <summary>Enum members that grant cover; with an adverse or referral member among two or more such names, the enum decides.</summary>
        public static readonly string[] FavourableDecisionMemberNames = { "Approve", "Approved", "Accept", "Accepted", "Eligible", "Bind", "Bound", "Quote", "Quoted" };

        /// <summary>
        /// Enum members that withhold cover or send it to a person. Cancel and NonRenew are not here: they end a policy, and
        /// sit beside Quoted and Bound in lifecycle enums, which record a state and decide nothing.
        /// </summary>
        public static readonly string[] AdverseOrReferralDecisionMemberNames =
        {
            "Ineligible", "Decline", "Declined", "Reject", "Rejected", "Deny", "Denied", "Refuse", "Refused", "Refer", "Referred", "Referral", "Pend", "Pending",
        };

        // Pass/Passed: the verdict of a rules engine's rule ("every rule passed" is the approval).
        public static readonly string[] FavourableOutcomes = { "Approve", "Approved", "Accept", "Accepted", "Eligible", "Bind", "Bound", "Quoted", "Pass", "Passed", "true" };

        public static readonly string[] AdverseOutcomes =
        {
            "Decline", "Declined", "Reject", "Rejected", "Deny", "Denied", "Refuse", "Refused", "Ineligible", "Cancel", "Cancelled", "Canceled", "NonRenew", "NonRenewed", "false",
        };

        public const string FallbackOutcome = "Refer";

        public const string RoundingMode = "AwayFromZero";

        public const string Jurisdiction = "all";

        public static readonly string[] CreditAttributes = { "credit*", "fico", "insurancescore", "creditscore", "bureauscore" };

        public static readonly string[] ProxyAttributes = { "zip*", "postcode", "postal*", "firstname", "givenname", "language", "nationality", "surname" };

        public static readonly decimal[] AllowedLiterals = { 2m, 10m, 12m, 100m, 1000m };

        public static readonly decimal[] AllowedDayCountBasis = Array.Empty<decimal>();

        public const string ClockAllowedMembers = "(?i)(created|modified|updated|changed|recorded|submitted|received|uploaded|decided|decision|timestamp|audit|logged|elapsed|duration|latency|processingtime)";

        public static readonly decimal[] AllowedFallbackValues = Array.Empty<decimal>();
    }
}
