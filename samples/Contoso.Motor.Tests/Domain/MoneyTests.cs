using Contoso.Motor.Domain;
using Contoso.Motor.Policies;

namespace Contoso.Motor.Tests.Domain
{
    public class MoneyTests
    {
        [Fact]
        public void Add_SameCurrency_AddsAmounts()
        {
            Assert.Equal(new Money(12.50m, "EUR"), new Money(10m, "EUR").Add(new Money(2.50m, "EUR")));
        }

        [Fact]
        public void Add_DifferentCurrencies_Throws()
        {
            Assert.Throws<CurrencyMismatchException>(() => new Money(10m, "EUR").Add(new Money(2.50m, "GBP")));
        }

        [Fact]
        public void Ledger_Balance_SumsEntriesInThePolicyCurrency()
        {
            var ledger = new PolicyLedger("EUR");
            ledger.Post(new LedgerEntry(new System.DateOnly(2025, 3, 1), "New business", new Money(606.61m, "EUR")));
            ledger.Post(new LedgerEntry(new System.DateOnly(2025, 9, 1), "Endorsement: vehicle change", new Money(-41.20m, "EUR")));

            Assert.Equal("565.41 EUR", ledger.Balance().ToString());
        }
    }
}
