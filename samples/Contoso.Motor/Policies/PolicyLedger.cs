using System;
using System.Collections.Generic;
using Contoso.Motor.Domain;

namespace Contoso.Motor.Policies
{
    /// <summary>A premium transaction posted to a policy: new business, endorsement or cancellation refund.</summary>
    public sealed record LedgerEntry(DateOnly PostedOn, string Description, Money Amount);

    /// <summary>The premium transactions of one policy; the balance adds amounts only in the policy's currency.</summary>
    public sealed class PolicyLedger
    {
        private readonly List<LedgerEntry> _entries = new();

        public PolicyLedger(string currency)
        {
            Currency = currency ?? throw new ArgumentNullException(nameof(currency));
        }

        public string Currency { get; }

        public IReadOnlyList<LedgerEntry> Entries => _entries;

        public void Post(LedgerEntry entry)
        {
            ArgumentNullException.ThrowIfNull(entry);
            _entries.Add(entry);
        }

        public Money Balance()
        {
            Money balance = Money.Zero(Currency);
            foreach (LedgerEntry entry in _entries)
            {
                balance = balance.Add(entry.Amount);
            }

            return balance;
        }
    }
}
