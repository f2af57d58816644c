using System.Text;
using System.Text.Json.Nodes;
using NumNet.Tests.Reliability.Fuzzing;

namespace NumNet.Tests.Reliability.Targets;

/// <summary>Random small arrays of every on-disk dtype, the seeds the file targets save and then damage.</summary>
internal static class SeedArrays
{
    private static readonly string[] DTypes = ["<f8", "<f4", "<i4", "|u1", "|b1", "<c16", "<U3", "|S4", ">i8", "<f2", "<M8[s]", "<m8[ms]", "<f16"];

    public static NDArray Make(Random rng)
    {
        int ndim = rng.Next(0, 4);
        var shape = Enumerable.Range(0, ndim).Select(_ => (long)rng.Next(0, 5)).ToArray();
        long n = shape.Aggregate(1L, (p, d) => p * d);
        var a = np.arange(n).AsType(DTypes[rng.Next(DTypes.Length)]).Reshape(shape);
        return rng.Next(3) == 0 ? a.T : a;
    }

    /// <summary>Damages <paramref name="bytes"/>: mostly in the first 160 (magic, version, header), sometimes anywhere.</summary>
    public static byte[] Mutate(Random rng, byte[] bytes, int mutations)
    {
        var list = new List<byte>(bytes);
        for (int m = 0; m < mutations && list.Count > 0; m++)
        {
            int at = rng.Next(4) == 0 ? rng.Next(list.Count) : rng.Next(Math.Min(160, list.Count));
            switch (rng.Next(6))
            {
                case 0: list[at] ^= (byte)(1 << rng.Next(8)); break;
                case 1: list[at] = (byte)rng.Next(256); break;
                case 2: list.RemoveRange(at, list.Count - at); break;
                case 3: list.InsertRange(at, Encoding.ASCII.GetBytes(new[] { "9999999999999999999", "(", ")", "'", ",", "{", "1000000000000000000, ", "'descr': '|O', ", "\n" }[rng.Next(9)])); break;
                case 4: list.RemoveAt(at); break;
                default: list[at] = (byte)"0123456789(),'"[rng.Next(14)]; break;
            }
        }
        return list.ToArray();
    }

    public static void Touch(NDArray a)
    {
        if (a.Size is > 0 and <= 100_000)
        {
            a.Copy(MemoryOrder.C).Dispose();
            try
            {
                _ = a.GetValue(Enumerable.Repeat(-1L, a.NDim).ToArray());
            }
            catch (ArgumentException)
            {
                // Loading does not validate element bytes (neither does NumPy); decoding a bad one, such as a code
                // point past U+10FFFF in a 'U' element, is NumPy's ValueError.
            }
        }
    }

    public static JsonObject Spec(byte[] bytes) => new() { ["bytes"] = Convert.ToBase64String(bytes) };

    public static byte[] Bytes(JsonObject spec) => Convert.FromBase64String((string)spec["bytes"]!);
}

/// <summary>
/// <c>np.load</c> of damaged .npy files: valid files of random arrays with bit flips, truncations, and header text
/// replaced by huge numbers, unbalanced brackets and object dtypes; one input in eight is also memory-mapped.
/// Documented rejections are InvalidDataException and NotSupportedException (np.load's contract).
/// </summary>
internal sealed class NpyTarget : FuzzTarget<JsonObject>
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), $"numnet-fuzz-{Environment.ProcessId}-npy.npy");

    public override string Name => "npy";

    public override JsonObject Generate(Random rng)
    {
        var stream = new MemoryStream();
        np.save(stream, SeedArrays.Make(rng));
        var spec = SeedArrays.Spec(SeedArrays.Mutate(rng, stream.ToArray(), rng.Next(0, 4)));
        spec["mmap"] = rng.Next(8) == 0;
        return spec;
    }

    public override void Execute(JsonObject spec)
    {
        var bytes = SeedArrays.Bytes(spec);
        var a = (NDArray)np.load(new MemoryStream(bytes));
        SeedArrays.Touch(a);
        if ((bool?)spec["mmap"] == true)
        {
            File.WriteAllBytes(_scratch, bytes);
            using var mapped = (NDArray)np.load(_scratch, mmapMode: "r");
            SeedArrays.Touch(mapped);
        }
    }

    public override bool IsDocumented(Exception e) => e is InvalidDataException or NotSupportedException;

    public override string Encode(JsonObject input) => FuzzJson.Write(input);

    public override JsonObject Decode(string line) => FuzzJson.Parse(line).AsObject();
}

/// <summary>
/// <see cref="NpzFile"/> over damaged archives (plain and deflated): every member is read and touched.
/// Documented rejections are InvalidDataException and NotSupportedException.
/// </summary>
internal sealed class NpzTarget : FuzzTarget<JsonObject>
{
    public override string Name => "npz";

    public override JsonObject Generate(Random rng)
    {
        var stream = new MemoryStream();
        var members = Enumerable.Range(0, rng.Next(1, 4)).Select(i => ($"m{i}", SeedArrays.Make(rng))).ToArray();
        if (rng.Next(2) == 0)
            np.savez(stream, members);
        else
            np.savez_compressed(stream, members);
        var bytes = stream.ToArray();
        // Zip keeps its directory at the end: aim half of the damage there.
        var mutated = rng.Next(2) == 0
            ? SeedArrays.Mutate(rng, bytes, rng.Next(0, 4))
            : [.. SeedArrays.Mutate(rng, bytes.Reverse().ToArray(), rng.Next(0, 4)).Reverse()];
        return SeedArrays.Spec(mutated);
    }

    public override void Execute(JsonObject spec)
    {
        using var archive = new NpzFile(new MemoryStream(SeedArrays.Bytes(spec)));
        foreach (var name in archive.Keys)
            SeedArrays.Touch(archive[name]);
    }

    public override bool IsDocumented(Exception e) => e is InvalidDataException or NotSupportedException;

    public override string Encode(JsonObject input) => FuzzJson.Write(input);

    public override JsonObject Decode(string line) => FuzzJson.Parse(line).AsObject();
}

/// <summary>
/// <c>numnet convert in.csv out.npy</c> on random CSV text: numbers of every shape, quotes, ragged rows, empty cells,
/// huge integers. The tool must exit 0 (and write a loadable file) or 1 with one line on stderr; its catch-all message
/// "cannot process the input" marks an exception the library should not have thrown, so it counts as a failure.
/// </summary>
internal sealed class CsvTarget : FuzzTarget<string>
{
    private readonly string _dir = Directory.CreateTempSubdirectory("numnet-fuzz-csv").FullName;

    private static readonly string[] Cells =
    [
        "1", "-2", "3.5", "1e308", "1e309", "nan", "inf", "-inf", "", " ", "abc", "\"a,b\"", "\"x\"\"y\"", "\"", "0x10",
        "99999999999999999999999", "-9223372036854775809", "1_000", "+7", "1.5e-400", "true", "\"line\nbreak\"", "é", "\t",
    ];

    public override string Name => "csv";

    // Each input writes a file and runs the tool in-process, several times slower than the other targets.
    public override long CiInputs => 1_000;

    public override string Generate(Random rng)
    {
        var sb = new StringBuilder();
        int rows = rng.Next(0, 6), cols = rng.Next(1, 5);
        var palette = Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Cells[rng.Next(Cells.Length)]).ToArray();
        for (int r = 0; r < rows; r++)
        {
            int c = rng.Next(8) == 0 ? rng.Next(1, 6) : cols;
            sb.AppendJoin(rng.Next(10) == 0 ? ";" : ",", Enumerable.Range(0, c).Select(_ => palette[rng.Next(palette.Length)]));
            sb.Append(rng.Next(6) == 0 ? "\r\n" : "\n");
        }
        return sb.ToString();
    }

    public override void Execute(string csv)
    {
        string input = Path.Combine(_dir, "in.csv"), output = Path.Combine(_dir, "out.npy");
        File.WriteAllText(input, csv);
        File.Delete(output);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = NumNet.Cli.CommandLine.Run(["convert", input, output], stdout, stderr);
        string err = stderr.ToString();
        if (code == 0)
        {
            using var a = (NDArray)np.load(output);
            return;
        }
        if (code != 1 || err.TrimEnd().Contains('\n') || err.Contains("cannot process the input"))
            throw new InvariantException($"exit code {code}, stderr: {err}");
    }

    public override string Encode(string input) => System.Text.Json.JsonSerializer.Serialize(input);

    public override string Decode(string line) => (string)FuzzJson.Parse(line)!;
}
