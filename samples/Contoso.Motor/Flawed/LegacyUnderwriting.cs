using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Contoso.Motor.Flawed
{
    /// <summary>
    /// The 2011 underwriting rules. Every spot the QualityGates underwriting rules flag is marked by a comment right above
    /// it; the fixed code is Underwriting/ (UnderwritingEngine, Rules/, UnderwritingOutcome, ReasonCode).
    /// </summary>
    public sealed class LegacyUnderwriting
    {
        private const int MinimumDriverAge = 17;
        private const int MinimumCreditScore = 550;
        private const int MaximumClaims = 3;

        private readonly IReadOnlyList<ILegacyRule> _rules;
        private readonly TextWriter _log;

        public LegacyUnderwriting(IEnumerable<ILegacyRule> rules, TextWriter log)
        {
            _rules = rules.ToList();
            _log = log;
        }

        /// <summary>Decides a legacy application as of a date.</summary>
        public LegacyResult Assess(LegacyApplication application, DateOnly asOf)
        {
            try
            {
                // QG3002: naive age, a year too high until the birthday: a 16-year-old passes the minimum age of 17.
                int age = asOf.Year - application.DateOfBirth.Year;
                if (age < MinimumDriverAge)
                {
                    return new LegacyResult(LegacyUnderwritingDecision.Decline, "UW-AGE-01 below the minimum age");
                }

                // QG1006: the claims threshold is a literal in code, not a guideline the underwriting manager can see and change.
                if (application.ClaimsLastFiveYears >= 3)
                {
                    return new LegacyResult(LegacyUnderwritingDecision.Refer, "UW-CLM-01 claims frequency");
                }

                // QG2008: declined on the credit score alone: an adverse action solely on credit information.
                if (application.CreditScore < MinimumCreditScore)
                {
                    return new LegacyResult(LegacyUnderwritingDecision.Decline, "UW-CRD-01 credit score below appetite");
                }

                // QG2011: culture-sensitive ToUpper on a code: under tr-TR "provisional" never equals "PROVISIONAL".
                if (application.LicenceType.ToUpper() == "PROVISIONAL")
                {
                    // QG2010: an adverse decision with an empty reason: nobody can tell the applicant why.
                    return new LegacyResult(LegacyUnderwritingDecision.Decline, "");
                }

                return ClassifyVehicle(application.VehicleClass);
            }
            // QG2001: any exception (a null field, a timeout) approves the risk: the handler fails open.
            catch (Exception ex)
            {
                _log.WriteLine(ex.Message);
                return new LegacyResult(LegacyUnderwritingDecision.Approve, "UW-OK");
            }
        }

        /// <summary>The vehicle-class rule.</summary>
        public static LegacyResult ClassifyVehicle(string vehicleClass)
        {
            switch (vehicleClass)
            {
                case "SPORTS":
                    return new LegacyResult(LegacyUnderwritingDecision.Refer, "UW-VEH-01 performance vehicle");
                case "IMPORT":
                    return new LegacyResult(LegacyUnderwritingDecision.Decline, "UW-VEH-02 grey import");
                // QG2003: every vehicle class nobody listed (a new MODIFIED class, a typo) is approved by default.
                default:
                    return new LegacyResult(LegacyUnderwritingDecision.Approve, "UW-OK");
            }
        }

        /// <summary>The risk-class rule.</summary>
        public static LegacyResult AssessRiskClass(string riskClassCode)
        {
            // QG2004: the TryParse result is ignored: an unreadable code leaves Preferred (the zero value) and is approved.
            Enum.TryParse(riskClassCode, out LegacyRiskClass riskClass);

            // QG2006: Preferred, Standard and HighRisk have no case and there is no default: HighRisk falls through to approval.
            switch (riskClass)
            {
                case LegacyRiskClass.Substandard:
                    return new LegacyResult(LegacyUnderwritingDecision.Refer, "UW-RC-02 substandard");
                case LegacyRiskClass.Uninsurable:
                    return new LegacyResult(LegacyUnderwritingDecision.Decline, "UW-RC-03 uninsurable");
            }

            return new LegacyResult(LegacyUnderwritingDecision.Approve, "UW-OK");
        }

        /// <summary>Runs the pluggable rules.</summary>
        public IReadOnlyList<LegacyResult> EvaluateRules(LegacyApplication application)
        {
            var results = new List<LegacyResult>();
            foreach (ILegacyRule rule in _rules)
            {
                try
                {
                    results.Add(rule.Evaluate(application));
                }
                // QG2002: a rule that throws is logged and skipped: the application is judged as if the rule had passed.
                catch (InvalidOperationException ex)
                {
                    _log.WriteLine("Rule " + rule.Name + " failed: " + ex.Message);
                }
            }

            return results;
        }

        // QG2010: a public eligibility check returning a bare bool: a "no" carries no reason code.
        public static bool IsEligible(LegacyApplication application) =>
            application.ClaimsLastFiveYears < MaximumClaims && !application.HasMajorConviction;
    }
}
