namespace QualityGates.Analyzers.Semantics
{
    /// <summary>A qualitygates_ option whose value could not be read.</summary>
    public sealed class ConfigurationError
    {
        public ConfigurationError(string key, string value, string reason)
        {
            Key = key;
            Value = value;
            Reason = reason;
        }

        public string Key { get; }

        public string Value { get; }

        public string Reason { get; }
    }
}
