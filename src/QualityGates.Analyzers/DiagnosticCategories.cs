namespace QualityGates.Analyzers
{
    public static class DiagnosticCategories
    {
        public const string Pricing = "Pricing";
        public const string Underwriting = "Underwriting";
        public const string DateTime = "DateTime";
        public const string Configuration = "Configuration";
    }
}
