using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace NumNet.Differential.Tests;

/// <summary>The generators themselves: deterministic from a seed, and every case in the corpus encoding.</summary>
public class GeneratorTests
{
    [Fact]
    public void TheSameSeedGivesTheSameCases()
    {
        foreach (var gen in CaseGens.All)
        {
            var a = gen.Args.Generate(new PCG(15, 99), null, out _).ToJsonString();
            var b = gen.Args.Generate(new PCG(15, 99), null, out _).ToJsonString();
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void FloatsAlwaysReadAsPythonFloats()
    {
        Assert.Equal("1.0", Json.PyFloat(1.0).ToJsonString());
        Assert.Equal("-0.0", Json.PyFloat(-0.0).ToJsonString());
        Assert.Equal("1E+300", Json.PyFloat(1e300).ToJsonString());
        Assert.Equal("""{"f":"nan"}""", Json.PyFloat(double.NaN).ToJsonString());
        Assert.Equal("1180591620717411303424", Json.PyInt(System.Numerics.BigInteger.Pow(2, 70)).ToJsonString());
    }

    [Fact]
    public void GeneratedCasesDecodeAsTheConformanceRunnerReadsThem()
    {
        var pcg = new PCG(15, 7);
        foreach (var gen in CaseGens.All)
        {
            for (int i = 0; i < 50; i++)
            {
                var args = gen.Args.Generate(pcg, null, out _);
                using var doc = JsonDocument.Parse(args.ToJsonString(), new JsonDocumentOptions { MaxDepth = 512 });
                Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
                Assert.True(args.Count > 0);
                if (gen.Call is "asarray" or "array" or "astype" or "ravel" or "flatten")
                    Assert.True(args.ContainsKey("input"), args.ToJsonString());
            }
        }
    }

    [Fact]
    public void FoundCasesGoToTheirCallsFileWithFreshIds()
    {
        string dir = Directory.CreateTempSubdirectory("numnet-found").FullName;
        try
        {
            var answer = JsonNode.Parse("""{"id":"d1","category":"differential","call":"dtype","args":{"spec":"f8"},"expect":{"str":"<f8"}}""")!.AsObject();
            string first = FoundCases.Append(dir, answer, "test");
            var other = JsonNode.Parse("""{"id":"d2","category":"differential","call":"dtype","args":{"spec":"i4"},"expect":{"str":"<i4"}}""")!.AsObject();
            string second = FoundCases.Append(dir, other, "test");
            string again = FoundCases.Append(dir, (JsonObject)answer.DeepClone(), "test");
            Assert.Equal("found_dtype-001", first);
            Assert.Equal("found_dtype-002", second);
            Assert.Equal(first, again);
            var cases = NumNet.Conformance.ConformanceCase.Load(Path.Combine(dir, "found-dtype.json")).ToList();
            Assert.Equal(["found_dtype-001", "found_dtype-002"], cases.Select(c => c.Id));
            Assert.False(File.Exists(Path.Combine(dir, "found-dtype.json.tmp")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
