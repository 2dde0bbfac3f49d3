using System;
using System.Globalization;

namespace Contoso.Motor.Domain
{
    /// <summary>An amount in a currency. Adding two amounts checks the currencies first.</summary>
    public readonly record struct Money(decimal Amount, string Currency)
    {
        public static Money Zero(string currency) => new(0m, currency);

        public Money Add(Money other)
        {
            if (other.Currency != Currency)
            {
                throw new CurrencyMismatchException(Currency, other.Currency);
            }

            return new Money(Amount + other.Amount, Currency);
        }

        public override string ToString() => Amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + Currency;
    }

    /// <summary>Two amounts in different currencies were combined.</summary>
    public sealed class CurrencyMismatchException : InvalidOperationException
    {
        public CurrencyMismatchException(string expected, string actual)
            : base("Cannot combine " + actual + " with " + expected + ".")
        {
        }
    }
}
