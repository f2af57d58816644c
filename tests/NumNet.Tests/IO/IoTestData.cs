using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace NumNet.Tests.IO;

/// <summary>The NumPy-made fixtures and their manifest (written by Fixtures/make_fixtures.py).</summary>
internal static class IoTestData
{
    public static string FixtureDir => Path.Combine(RepoPaths.Root, "tests", "NumNet.Tests", "IO", "Fixtures");

    public static string Fixture(string name) => Path.Combine(FixtureDir, name);

    public sealed record Expected(string Name, string Descr, long[] Shape, bool FortranOrder, string CBytesHex)
    {
        public override string ToString() => Name;
    }

    public static IReadOnlyList<Expected> Manifest { get; } = LoadManifest();

    public static IEnumerable<object[]> FixtureNames() => Manifest.Select(e => new object[] { e.Name });

    public static Expected Get(string name) => Manifest.Single(e => e.Name == name);

    private static List<Expected> LoadManifest()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Fixture("manifest.json")));
        return doc.RootElement.EnumerateObject().Select(p => new Expected(
            p.Name,
            p.Value.GetProperty("descr").GetString()!,
            p.Value.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray(),
            p.Value.GetProperty("fortran_order").GetBoolean(),
            p.Value.GetProperty("c_bytes").GetString()!)).ToList();
    }

    /// <summary>The array's bytes in C order, as NumPy's <c>tobytes()</c>.</summary>
    public static byte[] CBytes(NDArray a)
    {
        using var c = a.Copy(MemoryOrder.C);
        var bytes = new byte[c.NBytes];
        if (bytes.Length > 0)
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref NumNet.Tests.Memory.TestMemory.Origin(c), (nint)c.Offset), bytes.Length).CopyTo(bytes);
        return bytes;
    }
}

/// <summary>A fresh folder under the temp directory, deleted with everything in it on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("numnet-io-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
