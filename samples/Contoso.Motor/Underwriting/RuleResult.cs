using System;

namespace Contoso.Motor.Underwriting
{
    /// <summary>One rule's outcome, always with a reason code.</summary>
    public sealed record RuleResult
    {
        private RuleResult(string ruleName, UnderwritingOutcome outcome, ReasonCode reason)
        {
            RuleName = ruleName ?? throw new ArgumentNullException(nameof(ruleName));
            Outcome = outcome;
            Reason = reason ?? throw new ArgumentNullException(nameof(reason));
        }

        public string RuleName { get; }

        public UnderwritingOutcome Outcome { get; }

        public ReasonCode Reason { get; }

        public static RuleResult Approve(string ruleName) => new(ruleName, UnderwritingOutcome.Approve, ReasonCodes.WithinAppetite);

        public static RuleResult Refer(string ruleName, ReasonCode reason) => new(ruleName, UnderwritingOutcome.Refer, reason);

        public static RuleResult Decline(string ruleName, ReasonCode reason) => new(ruleName, UnderwritingOutcome.Decline, reason);
    }
}
