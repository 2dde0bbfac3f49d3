using QualityGates.Core.Complexity;

namespace QualityGates.Core.Tests.Complexity;

public sealed class CyclomaticComplexityTests
{
    private static MemberComplexity Only(string source) => Assert.Single(CyclomaticComplexity.Measure(source));

    private static int Cc(string body) => Only("class C { int M(int a, int b, object o, int[] xs) { " + body + " } }").Complexity;

    [Theory]
    [InlineData("return 0;", 1)]
    [InlineData("if (a > 0) return 1; return 0;", 2)]
    [InlineData("if (a > 0) return 1; else if (a < 0) return -1; else return 0;", 3)]
    [InlineData("switch (a) { case 1: case 2: return 1; case 3: return 2; default: return 0; }", 4)]
    [InlineData("switch (o) { case int i when i > 0: return 1; default: return 0; }", 3)]
    [InlineData("return a switch { 1 => 1, 2 => 2, _ => 0 };", 3)]
    [InlineData("return a switch { > 5 when b > 0 => 1, _ when b < 0 => 2, _ => 0 };", 5)]
    [InlineData("while (a > 0) a--; do { b--; } while (b > 0); for (;;) break; foreach (var x in xs) { } return 0;", 5)]
    [InlineData("try { return 1; } catch (System.ArgumentException) { return 2; } catch (System.Exception e) when (e.Data != null) { return 3; }", 4)]
    [InlineData("return a > 0 && b > 0 || a < 0 ? 1 : 0;", 4)]
    [InlineData("return (o as string)?.Length ?? 0;", 3)]
    [InlineData("o ??= 1; return 0;", 2)]
    [InlineData("return o is int and > 0 or string ? 1 : 0;", 4)]
    [InlineData("System.Func<int, int> f = x => x > 0 ? x : -x; return f(a);", 2)]
    public void Method_CountsEachDecisionPoint(string body, int expected) => Assert.Equal(expected, Cc(body));

    [Fact]
    public void Members_AreNamedWithLinesAndLocalFunctionsApart()
    {
        var source = """
            namespace N
            {
                public class Rater
                {
                    [System.Obsolete]
                    public Rater(int x) { if (x > 0) { } }

                    public int Value
                    {
                        get { return _v > 0 ? _v : 0; }
                        set { _v = value; }
                    }

                    public int Auto { get; set; }

                    public int Twice => _v * 2 is > 4 and < 10 ? 1 : 0;

                    private int _v;

                    private readonly System.Func<int, bool> _positive = x => x > 0 && x < 100;

                    public int Rate(int age)
                    {
                        return Local(age) ?? 0;

                        int? Local(int a)
                        {
                            if (a < 18) return null;
                            return a;
                        }
                    }

                    public abstract class Inner { public abstract int M(); public int N() => 1; }
                }
            }
            """;
        var members = CyclomaticComplexity.Measure(source);
        Assert.Equal(
            new[]
            {
                new MemberComplexity("Rater..ctor(int)", 6, 6, 2),
                new MemberComplexity("Rater.Value.get", 10, 10, 2),
                new MemberComplexity("Rater.Value.set", 11, 11, 1),
                new MemberComplexity("Rater.Twice.get", 16, 16, 3),
                new MemberComplexity("Rater._positive", 20, 20, 2),
                new MemberComplexity("Rater.Rate(int)", 22, 31, 2),
                new MemberComplexity("Rater.Rate(int).Local(int)", 26, 30, 2),
                new MemberComplexity("Rater.Inner.N()", 33, 33, 1),
            },
            members);
        Assert.Equal(15, CyclomaticComplexity.FileComplexity(members));
    }

    [Fact]
    public void TopLevelStatements_AreOneMember()
    {
        var m = Only("var x = args.Length > 0 ? 1 : 0;\nif (x > 0) System.Console.WriteLine(x);\n");
        Assert.Equal(new MemberComplexity("<top-level statements>", 1, 2, 3), m);
    }

    [Fact]
    public void BrokenOrEmptySource_DoesNotThrow()
    {
        Assert.Empty(CyclomaticComplexity.Measure(string.Empty));
        Assert.Equal(2, Only("class C { void M() { if (x > { } }").Complexity);
    }

    [Fact]
    public void Operators_AndDestructor()
    {
        var members = CyclomaticComplexity.Measure("struct M { public static M operator +(M a, M b) => a; public static implicit operator int(M m) => 0; ~M() { } }");
        Assert.Equal(new[] { "M.operator +(M, M)", "M.implicit operator int(M)", "M.Finalize()" }, members.Select(m => m.Name));
    }
}
