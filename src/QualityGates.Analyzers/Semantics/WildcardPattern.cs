using System;
using System.Text.RegularExpressions;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>A scope pattern such as <c>Contoso.Rating.*</c> or <c>*.Pricing.*</c>, matched against fully qualified names, ignoring case.</summary>
    public sealed class WildcardPattern
    {
        private readonly Regex _regex;

        private WildcardPattern(string text, Regex regex)
        {
            Text = text;
            _regex = regex;
        }

        public string Text { get; }

        public static bool TryCreate(string text, out WildcardPattern? pattern)
        {
            pattern = null;
            if (!Regex.IsMatch(text, @"^[A-Za-z0-9_.*?]+$"))
            {
                return false;
            }

            var regex = "^" + Regex.Escape(text).Replace(@"\*", ".*").Replace(@"\?", ".") + "$";
            pattern = new WildcardPattern(text, new Regex(regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
            return true;
        }

        /// <summary>True when the name, or a containing prefix of it ("A.B" of "A.B.C"), matches.</summary>
        public bool Matches(string qualifiedName)
        {
            if (_regex.IsMatch(qualifiedName))
            {
                return true;
            }

            for (int i = qualifiedName.IndexOf('.'); i > 0; i = qualifiedName.IndexOf('.', i + 1))
            {
                if (_regex.IsMatch(qualifiedName.Substring(0, i)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
