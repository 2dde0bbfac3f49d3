using System;

namespace Contoso.Motor.Actuarial
{
    /// <summary>
    /// A Gompertz-Makeham mortality table for reserving the personal-accident death benefit sold with the motor policy.
    /// Near miss for QG1001: probabilities and discount factors are estimates, <c>double</c> by design, not premiums, and
    /// this reserving code is outside pricing scope.
    /// </summary>
    public sealed class MortalityTable
    {
        private const double StandardMakeham = 0.0002;
        private const double StandardGompertzB = 0.000035;
        private const double StandardGompertzC = 1.095;
        private const int StandardMaximumAge = 110;

        private readonly double[] _qx;

        public MortalityTable(double makeham, double gompertzB, double gompertzC, int maximumAge)
        {
            _qx = new double[maximumAge + 1];
            for (int age = 0; age <= maximumAge; age++)
            {
                _qx[age] = Math.Min(1.0, makeham + (gompertzB * Math.Pow(gompertzC, age)));
            }

            _qx[maximumAge] = 1.0;
        }

        /// <summary>The table the reserving team uses for the 2025 valuation.</summary>
        public static MortalityTable Standard() => new(StandardMakeham, StandardGompertzB, StandardGompertzC, StandardMaximumAge);

        public int MaximumAge => _qx.Length - 1;

        /// <summary>qx: the probability that a life aged x dies within a year.</summary>
        public double ProbabilityOfDeath(int age) => _qx[Math.Min(age, MaximumAge)];

        /// <summary>The probability that a life aged <paramref name="age"/> survives <paramref name="years"/> years.</summary>
        public double SurvivalProbability(int age, int years)
        {
            double survival = 1.0;
            for (int t = 0; t < years; t++)
            {
                survival *= 1.0 - ProbabilityOfDeath(age + t);
            }

            return survival;
        }

        /// <summary>v^n at a technical interest rate.</summary>
        public static double DiscountFactor(double interestRate, int years) => Math.Pow(1.0 + interestRate, -years);

        /// <summary>The expected present value of a benefit of 1 paid at the end of the year of death within the term.</summary>
        public double TermAssuranceFactor(int age, int years, double interestRate)
        {
            double value = 0.0;
            for (int t = 0; t < years; t++)
            {
                value += SurvivalProbability(age, t) * ProbabilityOfDeath(age + t) * DiscountFactor(interestRate, t + 1);
            }

            return value;
        }
    }
}
