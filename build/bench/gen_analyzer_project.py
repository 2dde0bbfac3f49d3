#!/usr/bin/env python3
"""Generates a large C# project for the analyzer benchmark: pricing-like code (in scope of the rules; half of the files
by default) and neutral infrastructure code (out of scope, must cost next to nothing).
Usage: gen_analyzer_project.py DIR LINES [FLAWED_SHARE] [PRICING_SHARE]
PRICING_SHARE (default 0.5) is the share of files that hold pricing code; a real solution has far less than half.
FLAWED_SHARE (default 0.1) is the share of pricing methods written with about ten findings each (double money, banker's
rounding, 365-day years, ambient clock, culture-sensitive codes, ...); the others do the same work the compliant way, so
every rule still has its operations to look at. 1.0 is the worst case: every pricing method full of findings."""
import math
import os
import sys

out, target = sys.argv[1], int(sys.argv[2])
flawed_share = float(sys.argv[3]) if len(sys.argv) > 3 else 0.1
pricing_share = float(sys.argv[4]) if len(sys.argv) > 4 else 0.5
if not 0 < pricing_share <= 1:
    sys.exit("PRICING_SHARE must be in (0, 1]")
src = os.path.join(out, "src")
os.makedirs(src, exist_ok=True)

PRICING_METHOD = """
        public decimal Premium{i}(decimal basePremium, double fee, int days, DateTime dob, string code, decimal discountRate)
        {{
            decimal premium = basePremium * Factors[{k}] * (days / 365);
            var rounded = Math.Round(premium, 2);
            if (code.ToUpper() == "A{i}") {{ rounded += (decimal)fee; }}
            int age = DateTime.Today.Year - dob.Year;
            if (age > 25) {{ rounded *= 1.15m; }}
            var term = DateTime.UtcNow.AddDays(365);
            decimal net = rounded - rounded * discountRate;
            for (int n = 0; n < {k}; n++) {{ net += n * 0.5m; }}
            return Math.Max(net, MinimumPremium) + Surcharge{i}(net, days);
        }}

        private decimal Surcharge{i}(decimal amount, int days) => days == 0 ? 0m : amount / days * {k}m;
"""

COMPLIANT_PRICING_METHOD = """
        public decimal Premium{i}(decimal basePremium, decimal fee, int days, DateOnly dob, string code, decimal discountRate, DateOnly asOf)
        {{
            decimal premium = basePremium * Factors[{k}] * days / DaysInYear(asOf);
            var rounded = Math.Round(premium, 2, MidpointRounding.AwayFromZero);
            if (string.Equals(code, "A{i}", StringComparison.OrdinalIgnoreCase)) {{ rounded += fee; }}
            int age = AgeOn(dob, asOf);
            if (age > AgeBands[{k}]) {{ rounded *= Factors[{k}]; }}
            var term = asOf.AddYears(1);
            decimal net = rounded - Math.Round(rounded * discountRate, 2, MidpointRounding.AwayFromZero);
            for (int n = 0; n < {k}; n++) {{ net += Factors[n]; }}
            return Math.Max(net, MinimumPremium) + Surcharge{i}(net, days);
        }}

        private decimal Surcharge{i}(decimal amount, int days) => days <= 0 ? 0m : Math.Round(amount / days * Factors[{k}], 2, MidpointRounding.AwayFromZero);
"""

NEUTRAL_METHOD = """
        public int Process{i}(IReadOnlyList<string> items, int offset)
        {{
            int total = 0;
            foreach (var item in items)
            {{
                if (item.Length > offset) {{ total += item.Length / 2; }}
                else {{ total -= offset % 3; }}
            }}
            var text = string.Join(",", items.Select(x => x.Trim()));
            double ratio = items.Count == 0 ? 0 : (double)total / items.Count;
            var started = DateTime.UtcNow;
            return total + text.Length + (int)Math.Round(ratio) + started.Second;
        }}

        private static string Describe{i}(int value) => value switch {{ 0 => "zero", < 0 => "negative", _ => "positive" }};
"""

lines = 0
file_no = 0
pricing_no = 0
while lines < target:
    # Spread the pricing files evenly: file n holds pricing code when the running share says so (every other file at 0.5).
    pricing = math.ceil((file_no + 1) * pricing_share) > math.ceil(file_no * pricing_share)
    ns = "Bench.Pricing" if pricing else "Bench.Infrastructure"
    cls = f"PremiumCalculator{file_no}" if pricing else f"BatchProcessor{file_no}"
    body = []
    body.append("using System;\nusing System.Collections.Generic;\nusing System.Linq;\n\n")
    body.append(f"namespace {ns}\n{{\n    public sealed class {cls}\n    {{\n")
    if pricing:
        body.append("        private static readonly decimal[] Factors = { 1.0m, 1.1m, 1.2m, 1.3m, 1.4m, 1.5m, 1.6m, 1.7m, 1.8m, 1.9m };\n")
        body.append("        private const decimal MinimumPremium = 50m;\n")
        body.append("        private static readonly int[] AgeBands = { 17, 21, 25, 30, 40, 50, 60, 70, 75, 80 };\n")
        body.append("        private static int DaysInYear(DateOnly date) => DateTime.IsLeapYear(date.Year) ? 366 : 365;\n")
        body.append("        private static int AgeOn(DateOnly dob, DateOnly asOf) { int age = asOf.Year - dob.Year; if (dob > asOf.AddYears(-age)) { age--; } return age; }\n")
    for m in range(20):
        # Spread the flawed methods evenly: method number n (over the whole project) is flawed when the running share says so.
        method_no = pricing_no * 20 + m
        flawed = int((method_no + 1) * flawed_share) > int(method_no * flawed_share)
        tmpl = (PRICING_METHOD if flawed else COMPLIANT_PRICING_METHOD) if pricing else NEUTRAL_METHOD
        body.append(tmpl.format(i=m, k=m % 10))
    body.append("    }\n}\n")
    text = "".join(body)
    with open(os.path.join(src, f"{cls}.cs"), "w") as f:
        f.write(text)
    lines += text.count("\n")
    file_no += 1
    pricing_no += 1 if pricing else 0

print(f"{file_no} files, {lines} lines")
