using System.Diagnostics.CodeAnalysis;

// Expected values written inline read best in tests; CA1861 guards hot paths, not assertions.
[assembly: SuppressMessage("Performance", "CA1861:Avoid constant arrays as arguments", Justification = "Test expectations", Scope = "namespaceanddescendants", Target = "~N:QualityGates.Core.Tests")]
