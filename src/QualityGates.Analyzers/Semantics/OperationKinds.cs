using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// The kinds rules register for, as arrays made once. Most rules register per method of pricing code, and the
    /// <c>params</c> overload allocates a fresh array on every registration (the largest allocation of ours in a build).
    /// </summary>
    internal static class OperationKinds
    {
        public static readonly ImmutableArray<OperationKind> ArrayInitializer = ImmutableArray.Create(OperationKind.ArrayInitializer);
        public static readonly ImmutableArray<OperationKind> Block = ImmutableArray.Create(OperationKind.Block);
        public static readonly ImmutableArray<OperationKind> Binary = ImmutableArray.Create(OperationKind.Binary);
        public static readonly ImmutableArray<OperationKind> BinaryOrCompoundAssignment = ImmutableArray.Create(OperationKind.Binary, OperationKind.CompoundAssignment);
        public static readonly ImmutableArray<OperationKind> CatchClause = ImmutableArray.Create(OperationKind.CatchClause);
        public static readonly ImmutableArray<OperationKind> Coalesce = ImmutableArray.Create(OperationKind.Coalesce);
        public static readonly ImmutableArray<OperationKind> Conditional = ImmutableArray.Create(OperationKind.Conditional);
        public static readonly ImmutableArray<OperationKind> Conversion = ImmutableArray.Create(OperationKind.Conversion);
        public static readonly ImmutableArray<OperationKind> InterpolatedString = ImmutableArray.Create(OperationKind.InterpolatedString);
        public static readonly ImmutableArray<OperationKind> Invocation = ImmutableArray.Create(OperationKind.Invocation);
        public static readonly ImmutableArray<OperationKind> ObjectCreation = ImmutableArray.Create(OperationKind.ObjectCreation);
        public static readonly ImmutableArray<OperationKind> ObjectCreationOrWith = ImmutableArray.Create(OperationKind.ObjectCreation, OperationKind.With);
        public static readonly ImmutableArray<OperationKind> ObjectCreationWithOrInvocation = ImmutableArray.Create(OperationKind.ObjectCreation, OperationKind.With, OperationKind.Invocation);
        public static readonly ImmutableArray<OperationKind> ObjectOrCollectionInitializer = ImmutableArray.Create(OperationKind.ObjectOrCollectionInitializer);
        public static readonly ImmutableArray<OperationKind> RelationalPattern = ImmutableArray.Create(OperationKind.RelationalPattern);
        public static readonly ImmutableArray<OperationKind> PropertyReference = ImmutableArray.Create(OperationKind.PropertyReference);
        public static readonly ImmutableArray<OperationKind> Switch = ImmutableArray.Create(OperationKind.Switch);
        public static readonly ImmutableArray<OperationKind> SwitchExpression = ImmutableArray.Create(OperationKind.SwitchExpression);
        public static readonly ImmutableArray<OperationKind> VariableDeclarator = ImmutableArray.Create(OperationKind.VariableDeclarator);
    }
}
