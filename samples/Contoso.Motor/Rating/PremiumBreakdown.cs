using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Contoso.Motor.Domain;

namespace Contoso.Motor.Rating
{
    /// <summary>One coverage's premium, already rounded by the tariff's rule.</summary>
    public sealed record CoveragePremium(Coverage Coverage, decimal Premium);

    /// <summary>How a quote's price was built, line by line, so that a referral or a complaint can be answered.</summary>
    public sealed record PremiumBreakdown(
        string TariffVersion,
        string Currency,
        IReadOnlyList<CoveragePremium> Coverages,
        decimal MinimumPremiumAdjustment,
        decimal PolicyFee,
        decimal PremiumTax)
    {
        /// <summary>The rated premium: the coverage premiums, topped up to the tariff's minimum premium.</summary>
        public decimal NetPremium => Coverages.Sum(c => c.Premium) + MinimumPremiumAdjustment;

        public decimal TotalPayable => NetPremium + PolicyFee + PremiumTax;

        /// <summary>The breakdown as the broker portal prints it; invariant culture, so every server prints the same text.</summary>
        public string ToSummary()
        {
            var text = new StringBuilder();
            foreach (CoveragePremium line in Coverages)
            {
                text.Append(line.Coverage.ToString()).Append(": ").AppendLine(Format(line.Premium));
            }

            text.Append("Minimum premium adjustment: ").AppendLine(Format(MinimumPremiumAdjustment));
            text.Append("Policy fee: ").AppendLine(Format(PolicyFee));
            text.Append("Premium tax: ").AppendLine(Format(PremiumTax));
            text.Append("Total: ").Append(Format(TotalPayable));
            return text.ToString();
        }

        private string Format(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + Currency;
    }
}
