using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Walk = QualityGates.Analyzers.Semantics.OperationExtensions;

namespace QualityGates.Analyzers.Tests.Semantics
{
    /// <summary>
    /// The influence flow reports the first sink it meets, so its own walk must visit operations in exactly Roslyn's
    /// order, and must not recurse on the deep trees that long expression chains build.
    /// </summary>
    public class OperationWalkTests
    {
        [Fact]
        public void AddDescendants_SameOperationsInSameOrderAsRoslyn()
        {
            var body = Body("""
                class C
                {
                    decimal M(decimal premium, int age, bool smoker)
                    {
                        var factor = age switch { < 25 => 1.4m, > 70 => 1.2m, _ => 1.0m };
                        if (smoker) { factor *= 1.5m; } else { factor -= 0.1m; }
                        foreach (var x in new[] { 1, 2, 3 }) { premium += x is > 1 and < 3 ? x : 0; }
                        System.Func<decimal, decimal> round = v => System.Math.Round(v, 2);
                        return round(premium * factor);
                    }
                }
                """);

            var ours = Descendants(body);

            Assert.Equal(body.Descendants().ToList(), ours);
            Assert.True(ours.Count > 60, "the sample should exercise a real tree, not " + ours.Count + " operations");
        }

        [Fact]
        public void AddDescendants_DeepExpressionChain_NoRecursion()
        {
            const int terms = 5000;
            var sum = string.Join(" + ", Enumerable.Range(0, terms).Select(i => "p"));
            var body = Body("class C { decimal M(decimal p) { return " + sum + "; } }");

            var ours = Descendants(body);

            Assert.Equal(terms - 1, ours.Count(o => o.Kind == OperationKind.Binary));
            Assert.Equal(terms, ours.Count(o => o.Kind == OperationKind.ParameterReference));
        }

        private static List<IOperation> Descendants(IOperation root)
        {
            var result = new List<IOperation>();
            Walk.AddDescendants(root, result);
            return result;
        }

        private static IOperation Body(string source)
        {
            var tree = CSharpSyntaxTree.ParseText(source);
            var compilation = CSharpCompilation.Create("Walk", new[] { tree }, Basic.Reference.Assemblies.Net80.References.All);
            var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
            return compilation.GetSemanticModel(tree).GetOperation(method.Body!)!;
        }
    }
}
