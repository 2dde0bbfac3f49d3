using Microsoft.CodeAnalysis;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>Framework types the rules compare against, resolved once per compilation (null when not referenced).</summary>
    public sealed class WellKnownTypes
    {
        public WellKnownTypes(Compilation compilation)
        {
            ObjectType = compilation.GetSpecialType(SpecialType.System_Object);
            DecimalType = compilation.GetSpecialType(SpecialType.System_Decimal);
            DoubleType = compilation.GetSpecialType(SpecialType.System_Double);
            StringType = compilation.GetSpecialType(SpecialType.System_String);
            DateTime = compilation.GetSpecialType(SpecialType.System_DateTime);
            Math = compilation.GetTypeByMetadataName("System.Math");
            MathF = compilation.GetTypeByMetadataName("System.MathF");
            MidpointRounding = compilation.GetTypeByMetadataName("System.MidpointRounding");
            Convert = compilation.GetTypeByMetadataName("System.Convert");
            DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
            DateOnly = compilation.GetTypeByMetadataName("System.DateOnly");
            DateTimeKind = compilation.GetTypeByMetadataName("System.DateTimeKind");
            TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
            TimeProvider = compilation.GetTypeByMetadataName("System.TimeProvider");
            Environment = compilation.GetTypeByMetadataName("System.Environment");
            Random = compilation.GetTypeByMetadataName("System.Random");
            RandomNumberGenerator = compilation.GetTypeByMetadataName("System.Security.Cryptography.RandomNumberGenerator");
            GuidType = compilation.GetTypeByMetadataName("System.Guid");
            Enum = compilation.GetSpecialType(SpecialType.System_Enum);
            Exception = compilation.GetTypeByMetadataName("System.Exception");
            SystemException = compilation.GetTypeByMetadataName("System.SystemException");
            IFormatProvider = compilation.GetTypeByMetadataName("System.IFormatProvider");
            StringComparison = compilation.GetTypeByMetadataName("System.StringComparison");
            CultureInfo = compilation.GetTypeByMetadataName("System.Globalization.CultureInfo");
            Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
            IDictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.IDictionary`2");
            IReadOnlyDictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.IReadOnlyDictionary`2");
            CollectionExtensions = compilation.GetTypeByMetadataName("System.Collections.Generic.CollectionExtensions");
            FlagsAttribute = compilation.GetTypeByMetadataName("System.FlagsAttribute");
        }

        public INamedTypeSymbol ObjectType { get; }

        public INamedTypeSymbol DecimalType { get; }

        public INamedTypeSymbol DoubleType { get; }

        public INamedTypeSymbol StringType { get; }

        public INamedTypeSymbol DateTime { get; }

        public INamedTypeSymbol? Math { get; }

        public INamedTypeSymbol? MathF { get; }

        public INamedTypeSymbol? MidpointRounding { get; }

        public INamedTypeSymbol? Convert { get; }

        public INamedTypeSymbol? DateTimeOffset { get; }

        public INamedTypeSymbol? DateOnly { get; }

        public INamedTypeSymbol? DateTimeKind { get; }

        public INamedTypeSymbol? TimeSpan { get; }

        public INamedTypeSymbol? TimeProvider { get; }

        public INamedTypeSymbol? Environment { get; }

        public INamedTypeSymbol? Random { get; }

        public INamedTypeSymbol? RandomNumberGenerator { get; }

        public INamedTypeSymbol? GuidType { get; }

        public INamedTypeSymbol Enum { get; }

        public INamedTypeSymbol? Exception { get; }

        public INamedTypeSymbol? SystemException { get; }

        public INamedTypeSymbol? IFormatProvider { get; }

        public INamedTypeSymbol? StringComparison { get; }

        public INamedTypeSymbol? CultureInfo { get; }

        public INamedTypeSymbol? Enumerable { get; }

        public INamedTypeSymbol? IDictionary { get; }

        public INamedTypeSymbol? IReadOnlyDictionary { get; }

        public INamedTypeSymbol? CollectionExtensions { get; }

        public INamedTypeSymbol? FlagsAttribute { get; }

        public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
            type != null && expected != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);
    }
}
