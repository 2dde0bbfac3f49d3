using System;
using System.Collections.Generic;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// Protected-characteristic presets. A pattern is a whole word sequence of an identifier ("sexualorientation"
    /// matches SexualOrientation); a trailing * matches a word prefix ("ethnic*" matches Ethnicity).
    /// </summary>
    public static class Jurisdictions
    {
        // EU: sex (Test-Achats, Directive 2004/113/EC) and race or ethnic origin (Directive 2000/43/EC), pregnancy (2004/113 Art. 5(3)).
        private static readonly string[] Eu = { "sex", "gender", "race", "racial", "ethnic*", "pregnan*", "maternity" };

        // US: NAIC Unfair Trade Practices Model 880 4G.
        private static readonly string[] Us = { "race", "racial", "color", "skincolor", "skincolour", "religio*", "nationalorigin", "nationality" };

        // Colorado SB21-169 (C.R.S. 10-3-1104.9).
        private static readonly string[] UsColorado =
        {
            "race", "racial", "color", "skincolor", "skincolour", "nationalorigin", "nationality", "ethnic*", "religio*", "sex",
            "gender", "sexualorientation", "disability", "disabled", "genderidentity", "genderexpression",
        };

        // GINA: genetic information in health insurance.
        private static readonly string[] UsHealth = { "race", "racial", "color", "skincolor", "religio*", "nationalorigin", "genetic*" };

        private static readonly string[] All =
        {
            "gender", "sex", "race", "racial", "ethnic*", "religio*", "nationalorigin", "nationality", "genetic*",
            "sexualorientation", "genderidentity", "genderexpression", "disability", "pregnan*", "skincolor", "skincolour",
        };

        public static readonly string[] Names = { "all", "eu", "us", "us-co", "us-health", "custom" };

        public static bool TryGet(string name, out IReadOnlyList<string> patterns)
        {
            switch (name.ToLowerInvariant())
            {
                case "all": patterns = All; return true;
                case "eu": patterns = Eu; return true;
                case "us": patterns = Us; return true;
                case "us-co": patterns = UsColorado; return true;
                case "us-health": patterns = UsHealth; return true;
                case "custom": patterns = Array.Empty<string>(); return true;
                default: patterns = Array.Empty<string>(); return false;
            }
        }
    }
}
